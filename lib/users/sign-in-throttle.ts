import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { writeAuditLog } from "@/lib/settings/audit-log";

/**
 * Slows password guessing without letting anyone lock a user out. Failures are counted per IP
 * address and per email+IP pair, never per email alone: a burst against the admin's email from
 * elsewhere must not stop the admin signing in from their own network. Past a few free tries, each
 * failure makes the next attempt under that key wait longer (30 s, 1 min, 2 min, … up to 15 min).
 *
 * Each attempt claims its place before the password is checked, as a conditional (optimistically
 * locked) update, so 40 parallel guesses are counted one by one and only the free tries are
 * evaluated; the rest are refused unevaluated. A success gives its claim back. Kept in the database,
 * so every instance sees the same counts.
 */

interface Policy {
  /** Failures allowed before delays begin. */
  free: number;
}
const PAIR: Policy = { free: 5 };
const IP: Policy = { free: 20 };
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;
/** A key quiet for this long starts again from zero. */
const FORGET_AFTER_MS = 60 * 60_000;

export type ThrottleDecision = { ok: true } | { ok: false; retryAt: Date };

const pairKey = (email: string, ip: string) => `pair:${email}|${ip}`;
const ipKey = (ip: string) => `ip:${ip}`;

function delayAfter(failures: number, policy: Policy): number | null {
  if (failures < policy.free) return null;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - policy.free));
}

/**
 * Claims one attempt for this email from this IP. Refused while either key is waiting out its
 * delay. Without a known IP (no socket address) only the pair key exists, keyed by "unknown".
 */
export async function claimSignInAttempt(email: string, ip: string | null): Promise<ThrottleDecision> {
  const address = ip ?? "unknown";
  const now = new Date();
  for (const [key, policy] of [[ipKey(address), IP], [pairKey(email, address), PAIR]] as const) {
    const claimed = await claimKey(key, policy, now);
    if (!claimed.ok) return claimed;
    if (claimed.blocked) {
      // The moment guessing starts to cost time is what admins want to see, once per step.
      await writeAuditLog({
        actorId: null,
        action: "user.sign-in-throttled",
        target: key.startsWith("pair:") ? email : address,
        details: { ip: address, failures: claimed.failures, waitSeconds: Math.round(claimed.delayMs / 1000) },
      });
    }
  }
  return { ok: true };
}

async function claimKey(key: string, policy: Policy, now: Date): Promise<({ ok: true; failures: number } & ({ blocked: false } | { blocked: true; delayMs: number })) | { ok: false; retryAt: Date }> {
  // Each round either commits this attempt or sees another one that did; a crowd settles in as
  // many rounds as it has members, and once a delay is set the rest are refused on sight.
  for (let round = 0; round < 100; round++) {
    const row = await db.signInThrottle.findUnique({ where: { key } });
    if (row?.blockedUntil && row.blockedUntil > now) return { ok: false, retryAt: row.blockedUntil };
    const stale = !row || now.getTime() - row.lastFailureAt.getTime() > FORGET_AFTER_MS;
    const failures = stale ? 1 : row.failures + 1;
    const delayMs = delayAfter(failures, policy);
    const data = { failures, lastFailureAt: now, blockedUntil: delayMs === null ? null : new Date(now.getTime() + delayMs) };
    if (!row) {
      try {
        await db.signInThrottle.create({ data: { key, ...data } });
      } catch (error) {
        if (isUniqueViolation(error)) continue;
        throw error;
      }
    } else {
      const { count } = await db.signInThrottle.updateMany({ where: { key, version: row.version }, data: { ...data, version: { increment: 1 } } });
      if (count === 0) continue;
    }
    return delayMs === null ? { ok: true, failures, blocked: false } : { ok: true, failures, blocked: true, delayMs };
  }
  return { ok: false, retryAt: new Date(now.getTime() + FIRST_DELAY_MS) };
}

/** The password was right: this pair starts over, and the IP's count takes back this attempt. */
export async function releaseSignInAttempt(email: string, ip: string | null): Promise<void> {
  const address = ip ?? "unknown";
  await db.signInThrottle.deleteMany({ where: { key: pairKey(email, address) } });
  await db.signInThrottle.updateMany({
    where: { key: ipKey(address), failures: { gt: 0 } },
    data: { failures: { decrement: 1 }, version: { increment: 1 } },
  });
}
