import { db } from "@/lib/db";
import type { SecurityPolicy } from "@/lib/users/security-policy";

/**
 * Signed-in browsers. The session cookie (a next-auth JWT) names a UserSession row, so a session
 * can end on the server: after SecurityPolicy's idle time without a request, after its absolute
 * lifetime, or when the user (or an admin) signs out everywhere, which also bumps sessionVersion.
 */

/** Touching lastSeenAt on every request would be a write per request; once a minute is precise enough. */
const TOUCH_EVERY_MS = 60_000;

export async function openUserSession(userId: string): Promise<string> {
  const session = await db.userSession.create({ data: { userId }, select: { id: true } });
  await db.user.updateMany({ where: { id: userId }, data: { lastActiveAt: new Date() } });
  return session.id;
}

/** Whether the session is still alive under the policy; a live one is marked as seen now. */
export async function touchUserSession(sessionId: string, userId: string, policy: SecurityPolicy, now = new Date()): Promise<boolean> {
  const session = await db.userSession.findUnique({ where: { id: sessionId }, select: { userId: true, createdAt: true, lastSeenAt: true } });
  if (!session || session.userId !== userId) return false;
  const idle = now.getTime() - session.lastSeenAt.getTime() > policy.sessionIdleMinutes * 60_000;
  const expired = now.getTime() - session.createdAt.getTime() > policy.sessionMaxHours * 3_600_000;
  if (idle || expired) {
    await db.userSession.deleteMany({ where: { id: sessionId } });
    return false;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } });
    // "Active" for auto-assignment (lib/assignment/active-agents.ts), at the same once-a-minute cost.
    await db.user.updateMany({ where: { id: userId }, data: { lastActiveAt: now } });
  }
  return true;
}

/** Ends every session of a user: their rows go, and the version bump voids cookies still out there. */
export async function endAllUserSessions(userId: string): Promise<void> {
  await db.$transaction([
    db.userSession.deleteMany({ where: { userId } }),
    db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } }),
  ]);
}

/**
 * For long-lived responses (the live event stream): a check that stays true while the user is
 * neither disabled nor signed out everywhere (both bump sessionVersion) since the response began.
 */
export async function watchUserAccess(userId: string): Promise<() => Promise<boolean>> {
  const atStart = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return async () => {
    const now = await db.user.findUnique({ where: { id: userId }, select: { disabledAt: true, sessionVersion: true } });
    return Boolean(atStart && now && !now.disabledAt && now.sessionVersion === atStart.sessionVersion);
  };
}
