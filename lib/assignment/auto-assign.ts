import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { claimNextAgent, type ClaimedAgent } from "@/lib/assignment/claim-next-agent";
import { loadSlaSettings } from "@/lib/speed-to-lead/sla-settings";
import { TRANSACTION_OPTIONS } from "@/lib/inbox/transactions";
import { recordWebhookEvents } from "@/lib/outbound-webhooks/record-webhook-event";
import { conversationAssigned } from "@/lib/outbound-webhooks/webhook-payloads";
import { eventBus } from "@/lib/realtime/bus";
import { writeAuditLog } from "@/lib/settings/audit-log";

export type AutoAssignOutcome = { assigned: ClaimedAgent } | { skipped: "off" | "taken" | "no-active-agent" };

/** Thrown inside the transaction to undo the agent's claim when the conversation is no longer free. */
class ConversationTaken extends Error {}

/**
 * Assigns a new conversation to the next active agent (claim-next-agent.ts), when the team has
 * auto-assignment on and nobody owns it yet: no assignee, and its lead has no owner. The
 * assignment is a conditional UPDATE (`assigneeId IS NULL`), so a conversation is never assigned
 * twice, whatever runs at once; the agent's claim, the audit row and the outgoing webhook event
 * commit with it or not at all.
 */
export async function autoAssignConversation(conversationId: string, now = new Date()): Promise<AutoAssignOutcome> {
  if (!(await loadSlaSettings()).autoAssign) return { skipped: "off" };
  let outcome: AutoAssignOutcome;
  try {
    outcome = await db.$transaction(async (tx) => {
      const agent = await claimNextAgent(tx, { now });
      if (!agent) return { skipped: "no-active-agent" as const };
      if (!(await assignIfFree(tx, conversationId, agent, now))) throw new ConversationTaken();
      return { assigned: agent };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (error instanceof ConversationTaken) return { skipped: "taken" };
    throw error;
  }
  if ("assigned" in outcome) await publishAssignment(conversationId);
  return outcome;
}

async function assignIfFree(tx: Prisma.TransactionClient, conversationId: string, agent: ClaimedAgent, now: Date): Promise<boolean> {
  const owned = await tx.conversation.findUnique({ where: { id: conversationId }, select: { lead: { select: { ownerId: true } } } });
  if (!owned || owned.lead.ownerId) return false;
  // Scalar conditions only, so the UPDATE itself re-checks them against a concurrent writer's row.
  const { count } = await tx.conversation.updateMany({
    where: { id: conversationId, assigneeId: null, hidden: false },
    data: { assigneeId: agent.id, autoAssignedAt: now },
  });
  if (count === 0) return false;
  await writeAuditLog({ actorId: null, action: "conversation.auto-assign", target: conversationId, details: { assigneeId: agent.id, assignee: agent.name } }, tx);
  await recordWebhookEvents(tx, [conversationAssigned({ id: conversationId, assigneeId: agent.id, actorId: null })]);
  return true;
}

export async function publishAssignment(conversationId: string): Promise<void> {
  const conversation = await db.conversation.findUnique({ where: { id: conversationId }, select: { channel: true } });
  if (conversation) await eventBus.publish({ type: "conversation.updated", conversationId, channel: conversation.channel.toLowerCase() });
}
