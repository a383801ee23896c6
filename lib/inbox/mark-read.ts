import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { eventBus } from "@/lib/realtime/bus";

/**
 * Opening a conversation reads it for the whole team: the unread count drops to zero and every
 * open inbox updates its badges from the event. A no-op (and no event) when already read.
 * `wasUnread` is true for exactly one of several teammates opening it at once (a conditional
 * update), so the customer is told "seen" once per batch of messages.
 */
export async function markRead(id: string): Promise<{ unreadCount: 0; wasUnread: boolean }> {
  const conversation = await db.conversation.findUnique({ where: { id }, select: { channel: true, unreadCount: true } });
  if (!conversation) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  if (conversation.unreadCount === 0) return { unreadCount: 0, wasUnread: false };
  const { count } = await db.conversation.updateMany({ where: { id, unreadCount: { gt: 0 } }, data: { unreadCount: 0 } });
  if (count > 0) await eventBus.publish({ type: "conversation.updated", conversationId: id, channel: conversation.channel.toLowerCase() });
  return { unreadCount: 0, wasUnread: count > 0 };
}

/**
 * "Mark as unread": the conversation counts as unread again (one, when nothing new came since it
 * was read), so it stays on the team's list of things to answer. A no-op when already unread.
 */
export async function markUnread(id: string): Promise<{ unreadCount: number }> {
  const conversation = await db.conversation.findUnique({ where: { id }, select: { channel: true, unreadCount: true } });
  if (!conversation) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  if (conversation.unreadCount > 0) return { unreadCount: conversation.unreadCount };
  await db.conversation.update({ where: { id }, data: { unreadCount: 1 } });
  await eventBus.publish({ type: "conversation.updated", conversationId: id, channel: conversation.channel.toLowerCase() });
  return { unreadCount: 1 };
}
