import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { getConversation } from "@/lib/inbox/get-conversation";
import { eventBus } from "@/lib/realtime/bus";
import type { SetConversationLabelsInput } from "@/lib/validations/label";

/** Replaces a conversation's labels with exactly `labelIds` (anyone on the team may). */
export async function setConversationLabels(conversationId: string, input: SetConversationLabelsInput) {
  const conversation = await db.conversation.findUnique({ where: { id: conversationId }, select: { id: true, channel: true } });
  if (!conversation) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  const known = await db.label.findMany({ where: { id: { in: input.labelIds } }, select: { id: true } });
  const unknown = input.labelIds.filter((id) => !known.some((label) => label.id === id));
  if (unknown.length > 0) {
    throw new ApiError({
      code: "VALIDATION_FAILED",
      message: "Unknown label",
      details: unknown.map((id) => ({ field: "labelIds", issue: `No label with id ${id}` })),
    });
  }
  try {
    await db.$transaction([
      db.conversationLabel.deleteMany({ where: { conversationId } }),
      db.conversationLabel.createMany({ data: input.labelIds.map((labelId) => ({ conversationId, labelId })) }),
    ]);
  } catch (error) {
    // Two people setting labels at the same instant (PostgreSQL): the first one wins.
    if (isUniqueViolation(error, { model: "ConversationLabel" })) {
      throw new ApiError({ code: "CONFLICT", message: "Someone changed these labels at the same moment. Try again." });
    }
    throw error;
  }
  await eventBus.publish({ type: "conversation.updated", conversationId, channel: conversation.channel.toLowerCase() });
  return getConversation(conversationId);
}
