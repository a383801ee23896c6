import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { getConversation } from "@/lib/inbox/get-conversation";
import { eventBus } from "@/lib/realtime/bus";
import { snoozeChange } from "@/lib/snooze/snooze-change";
import type { UpdateConversationInput } from "@/lib/validations/conversation";
import { recordWebhookEvents } from "@/lib/outbound-webhooks/record-webhook-event";
import { conversationAssigned, leadUpdated } from "@/lib/outbound-webhooks/webhook-payloads";

/**
 * Archive / reopen / snooze, (un)assign, set the lead's status, add a note to the lead. All in one
 * transaction so a PATCH is all or nothing.
 */
export async function updateConversation(id: string, input: UpdateConversationInput, user: Pick<SessionUser, "id">) {
  const conversation = await db.conversation.findUnique({ where: { id }, select: { id: true, channel: true, leadId: true } });
  if (!conversation) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  if (input.assigneeId) await assertActiveUser(input.assigneeId);
  const snooze = snoozeChange(input);

  await db.$transaction(async (tx) => {
    if (snooze.status !== undefined || input.assigneeId !== undefined) {
      await tx.conversation.update({
        where: { id },
        // A person's choice: the thread no longer says "assigned automatically".
        data: { ...snooze, assigneeId: input.assigneeId, ...(input.assigneeId !== undefined ? { autoAssignedAt: null } : {}) },
      });
    }
    await recordWebhookEvents(tx, [
      ...(input.assigneeId !== undefined ? [conversationAssigned({ id, assigneeId: input.assigneeId, actorId: user.id })] : []),
      ...(input.leadStatus !== undefined ? [leadUpdated({ id: conversation.leadId, changes: { status: input.leadStatus }, actorId: user.id })] : []),
    ]);
    if (input.leadStatus === undefined && input.note === undefined) return;
    if (input.leadStatus !== undefined) {
      // The board's "time in stage" and won date move only when the stage really changes.
      const now = new Date();
      await tx.lead.updateMany({
        where: { id: conversation.leadId, status: { not: input.leadStatus } },
        data: { status: input.leadStatus, statusChangedAt: now, wonAt: input.leadStatus === "WON" ? now : null },
      });
    }
    if (input.note) await tx.leadNote.create({ data: { leadId: conversation.leadId, authorId: user.id, body: input.note } });
  });

  await eventBus.publish({ type: "conversation.updated", conversationId: id, channel: conversation.channel.toLowerCase() });
  return getConversation(id);
}

async function assertActiveUser(userId: string) {
  const assignee = await db.user.findUnique({ where: { id: userId }, select: { disabledAt: true } });
  if (!assignee || assignee.disabledAt) {
    throw new ApiError({
      code: "VALIDATION_FAILED",
      message: "That teammate doesn't exist or is disabled",
      details: [{ field: "assigneeId", issue: "Unknown or disabled user" }],
    });
  }
}
