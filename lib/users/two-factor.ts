import { createHash, randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import { ApiError } from "@/lib/api/errors";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { encryptionKey } from "@/lib/local-secrets";

/**
 * Two-factor sign-in with TOTP (authenticator apps, RFC 6238 through otplib) and one-time recovery
 * codes. The secret is encrypted at rest like channel tokens; recovery codes are stored hashed.
 * Enrolment is two steps, so a secret is only relied on once the user's app has produced a code.
 */

const ISSUER = "Unified Inbox";
const PERIOD_S = 30;
/** One period either side: phones' clocks drift. */
const TOLERANCE_S = PERIOD_S;
const RECOVERY_CODES = 10;

export interface TwoFactorSetup {
  secret: string;
  otpauthUri: string;
}

/** Step 1: a new secret for the user's authenticator app; nothing changes until it is confirmed. */
export async function startTwoFactorEnrolment(userId: string): Promise<TwoFactorSetup> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new ApiError({ code: "NOT_FOUND", message: "User not found" });
  const secret = generateSecret();
  await db.user.update({ where: { id: userId }, data: { totpPendingSecret: encryptSecret(secret, encryptionKey()) } });
  return { secret, otpauthUri: generateURI({ issuer: ISSUER, label: user.email, secret }) };
}

/** Step 2: a code from the app proves it holds the secret; answers the recovery codes, shown once. */
export async function confirmTwoFactorEnrolment(userId: string, code: string): Promise<string[]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpPendingSecret: true } });
  if (!user?.totpPendingSecret) throw new ApiError({ code: "CONFLICT", message: "Start setting up two-factor sign-in first." });
  const secret = decryptSecret(user.totpPendingSecret, encryptionKey());
  const step = await matchingStep(secret, code);
  if (step === null) throw new ApiError({ code: "VALIDATION_FAILED", message: "That code doesn't match. Check the time on your phone and try the newest code." });
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  await db.$transaction([
    db.user.update({
      where: { id: userId },
      data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step },
    }),
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.recoveryCode.createMany({ data: codes.map((value) => ({ userId, codeHash: hashCode(value) })) }),
  ]);
  return codes;
}

/** Turning it off needs a current code (or a recovery code): a stolen session alone can't. */
export async function disableTwoFactor(userId: string, code: string): Promise<void> {
  if (!(await verifySecondFactor(userId, code))) {
    throw new ApiError({ code: "VALIDATION_FAILED", message: "That code doesn't match." });
  }
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null } }),
    db.recoveryCode.deleteMany({ where: { userId } }),
  ]);
}

/**
 * A sign-in's second factor: a TOTP code not used before (each time step counts once), or an
 * unused recovery code, which is then spent. Both checks are conditional updates, so two requests
 * racing with the same code can't both pass.
 */
export async function verifySecondFactor(userId: string, code: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true } });
  if (!user?.totpSecret) return false;
  const compact = code.replace(/[\s-]/g, "").toLowerCase();
  if (/^\d{6}$/.test(compact)) {
    const step = await matchingStep(decryptSecret(user.totpSecret, encryptionKey()), compact);
    if (step === null) return false;
    const { count } = await db.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1;
  }
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashCode(compact), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

export async function recoveryCodesLeft(userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}

async function matchingStep(secret: string, code: string): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({ secret, token: code, epochTolerance: TOLERANCE_S });
  if (!result.valid) return null;
  return Math.floor(Date.now() / 1000 / PERIOD_S) + result.delta;
}

/** Ten base32 characters in two groups ("k7m2q-x9p4t"): 50 bits, typed easily, never a 6-digit TOTP. */
function newRecoveryCode(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(10);
  const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function hashCode(code: string): string {
  return createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase()).digest("hex");
}
