import { db } from "@/lib/db";
import { signInSchema } from "@/lib/validations/auth";
import { UNKNOWN_USER_HASH, verifyPassword } from "@/lib/users/password";
import { claimSignInAttempt, releaseSignInAttempt } from "@/lib/users/sign-in-throttle";
import { verifySecondFactor } from "@/lib/users/two-factor";

export type CredentialsResult =
  | { ok: true; user: { id: string; name: string; email: string; role: "ADMIN" | "AGENT"; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "throttled" | "two-factor-required" | "two-factor-invalid" };

/** One answer for a wrong email, a wrong password and a disabled account: no hint which it was. */
export async function verifyCredentials(input: unknown, ip: string | null): Promise<CredentialsResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password, code } = parsed.data;
  // Claimed before the password is checked, so parallel guesses can't all slip in under the limit.
  if (!(await claimSignInAttempt(email, ip)).ok) return { ok: false, reason: "throttled" };

  const user = await db.user.findUnique({ where: { email } });
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !passwordMatches || user.disabledAt) return { ok: false, reason: "invalid" };
  // Only a right password learns that a code is needed; a wrong code counts as a failed attempt.
  if (user.totpEnabledAt) {
    if (!code) return { ok: false, reason: "two-factor-required" };
    if (!(await verifySecondFactor(user.id, code))) return { ok: false, reason: "two-factor-invalid" };
  }
  await releaseSignInAttempt(email, ip);
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion },
  };
}
