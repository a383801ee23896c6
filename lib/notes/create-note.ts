import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { messageSelect } from "@/lib/inbox/message-select";
import { findMentions } from "@/lib/notes/find-mentions";
import { eventBus } from "@/lib/realtime/bus";
import type { CreateNoteInput } from "@/lib/validations/note";

/**
 * A private note in the thread: a Message of type NOTE that only staff see. It goes nowhere near
 * the channel (no send, no status to track), and leaves the conversation's order, preview, unread
 * count and reply window alone: for the customer nothing happened. Teammates named with `@Name`
 * get an unread mention each (not the author, who knows).
 */
export async function createNote(conversationId: string, input: CreateNoteInput, author: Pick<SessionUser, "id">) {
  const conversation = await db.conversation.findUnique({ where: { id: conversationId }, select: { id: true, channel: true } });
  if (!conversation) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  const team = await db.user.findMany({ where: { disabledAt: null }, select: { id: true, name: true } });
  const mentioned = findMentions(input.text, team).filter((member) => member.id !== author.id);

  const message = await db.$transaction(async (tx) => {
    const note = await tx.message.create({
      data: {
        conversationId,
        channel: conversation.channel,
        direction: "OUTBOUND",
        type: "NOTE",
        status: "SENT",
        text: input.text,
        sentById: author.id,
      },
      select: messageSelect,
    });
    if (mentioned.length > 0) {
      await tx.mention.createMany({
        data: mentioned.map((member) => ({ messageId: note.id, conversationId, userId: member.id, authorId: author.id })),
      });
    }
    return note;
  });

  const channel = conversation.channel.toLowerCase();
  await eventBus.publish({ type: "message.created", conversationId, messageId: message.id, channel });
  for (const member of mentioned) await eventBus.publish({ type: "mention.updated", userId: member.id });
  return { message: { ...message, reactions: [], replyTo: null }, mentioned };
}
