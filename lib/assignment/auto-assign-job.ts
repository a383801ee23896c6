import { enqueueJobs, kickJobs } from "@/lib/jobs/job-runner";
import type { JobDefinition } from "@/lib/jobs/job-types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { autoAssignConversation } from "@/lib/assignment/auto-assign";
import { loadSlaSettings } from "@/lib/speed-to-lead/sla-settings";

const AUTO_ASSIGN_JOB = "assignment.auto-assign";

interface AutoAssignPayload {
  conversationIds: string[];
}

/**
 * Called by ingest inside its transaction with the conversations it just created: one job row for
 * the batch, only when the team has auto-assignment on. The job commits with the conversations
 * (none is forgotten by a crash) and runs after the commit, so the webhook path never waits for it.
 */
export async function queueAutoAssignment(tx: Prisma.TransactionClient, conversationIds: string[]): Promise<void> {
  if (conversationIds.length === 0 || !(await loadSlaSettings(tx)).autoAssign) return;
  await enqueueJobs(tx, [{ kind: AUTO_ASSIGN_JOB, payload: { conversationIds } }]);
  setTimeout(kickJobs, 0);
}

export const autoAssignJob: JobDefinition<AutoAssignPayload> = {
  kind: AUTO_ASSIGN_JOB,
  // Short: a crash holds new conversations back seconds, not minutes. Assigning is idempotent.
  leaseMs: 30_000,
  async run({ conversationIds }) {
    for (const conversationId of conversationIds) await autoAssignConversation(conversationId);
  },
};
