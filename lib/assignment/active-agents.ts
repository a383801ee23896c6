import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Who counts as "active" for auto-assignment and SLA reassignment: an enabled agent who is not
 * marked away, with a live session that made a request recently. `User.lastActiveAt` and the
 * session's `lastSeenAt` are touched at most once a minute per session (lib/users/user-sessions.ts),
 * so "recently" must be comfortably longer than that.
 */
export const ACTIVE_WITHIN_MS = 15 * 60_000;

export function activeAgentWhere(now: Date): Prisma.UserWhereInput {
  const since = new Date(now.getTime() - ACTIVE_WITHIN_MS);
  return {
    role: "AGENT",
    disabledAt: null,
    awayAt: null,
    lastActiveAt: { gte: since },
    sessions: { some: { lastSeenAt: { gte: since } } },
  };
}
