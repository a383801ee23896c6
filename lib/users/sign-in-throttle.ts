import { db } from "@/lib/db";

/**
 * Slows password guessing: at most MAX_FAILURES failed sign-ins per email and per IP address in
 * WINDOW_MS. Kept in the database so every app instance sees the same counts.
 */
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

function keys(email: string, ip: string | null): string[] {
  return [`email:${email}`, ...(ip ? [`ip:${ip}`] : [])];
}

export async function isThrottled(email: string, ip: string | null): Promise<boolean> {
  const since = new Date(Date.now() - WINDOW_MS);
  for (const key of keys(email, ip)) {
    if ((await db.signInAttempt.count({ where: { key, createdAt: { gte: since } } })) >= MAX_FAILURES) return true;
  }
  return false;
}

export async function recordFailure(email: string, ip: string | null): Promise<void> {
  await db.signInAttempt.createMany({ data: keys(email, ip).map((key) => ({ key })) });
  await db.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - WINDOW_MS) } } });
}

export async function clearFailures(email: string): Promise<void> {
  await db.signInAttempt.deleteMany({ where: { key: `email:${email}` } });
}
