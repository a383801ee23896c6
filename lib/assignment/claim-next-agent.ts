import type { Prisma } from "@/lib/generated/prisma/client";
import { activeAgentWhere } from "@/lib/assignment/active-agents";

export interface ClaimedAgent {
  id: string;
  name: string;
}

/** Each lost claim means another assignment took that agent a moment ago: look again. */
const MAX_CLAIM_ATTEMPTS = 8;

/**
 * Round-robin: the active agent assigned longest ago (never assigned first) goes next. The pick is
 * claimed with a conditional UPDATE of `lastAutoAssignedAt` from the value just read, so two
 * assignments at once (other instances on PostgreSQL included) can't both take the same agent by a
 * race: the loser's UPDATE matches no row (PostgreSQL re-checks the condition on the row the
 * winner committed) and it picks again. Run inside the transaction that makes the assignment, so
 * the claim is undone when the assignment is not made.
 */
export async function claimNextAgent(
  tx: Prisma.TransactionClient,
  options: { now?: Date; excludeUserId?: string | null } = {},
): Promise<ClaimedAgent | null> {
  const now = options.now ?? new Date();
  const where: Prisma.UserWhereInput = {
    ...activeAgentWhere(now),
    ...(options.excludeUserId ? { id: { not: options.excludeUserId } } : {}),
  };
  for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
    const candidate = await tx.user.findFirst({
      where,
      orderBy: [{ lastAutoAssignedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
      select: { id: true, name: true, lastAutoAssignedAt: true },
    });
    if (!candidate) return null;
    // After every claim seen so far, never at the same instant: a claim whose clock reading is older
    // (it waited for a lock, or another instance's clock is behind) must still go to the back of the
    // queue, or that agent would come round again too early.
    const { _max: latest } = await tx.user.aggregate({ _max: { lastAutoAssignedAt: true } });
    const claimedAt = new Date(Math.max(now.getTime(), (latest.lastAutoAssignedAt?.getTime() ?? 0) + 1));
    const { count } = await tx.user.updateMany({
      where: { id: candidate.id, lastAutoAssignedAt: candidate.lastAutoAssignedAt },
      data: { lastAutoAssignedAt: claimedAt },
    });
    if (count === 1) return { id: candidate.id, name: candidate.name };
  }
  return null;
}
