import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { afterCursor, decodeCursor, pageOf } from "@/lib/inbox/cursor";
import { messageSelect } from "@/lib/inbox/message-select";
import type { ListMessagesQuery } from "@/lib/validations/conversation";

export type ThreadMessage = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;

export interface MessagePage {
  /** Oldest first within the page, ready to render top to bottom. */
  messages: ThreadMessage[];
  /** Cursor for the next older page; null at the start of the conversation. */
  nextCursor: string | null;
}

/**
 * A thread page, newest page first: the thread opens at the bottom and scrolls back in time.
 * Keyset on (sentAt desc, id desc) over the [conversationId, sentAt, id] index.
 */
export async function listMessages(conversationId: string, query: ListMessagesQuery): Promise<MessagePage> {
  const exists = await db.conversation.findUnique({ where: { id: conversationId }, select: { id: true } });
  if (!exists) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  const where: Prisma.MessageWhereInput = { conversationId };
  if (query.cursor) where.AND = [afterCursor("sentAt", decodeCursor(query.cursor), { nullable: false }) as Prisma.MessageWhereInput];
  const rows = await db.message.findMany({
    where,
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: messageSelect,
  });
  const { page, nextCursor } = pageOf(rows, query.limit, (row) => row.sentAt);
  return {
    // An unsent message stays in the thread as "message unsent"; what it said must not travel.
    messages: page.reverse().map((message) =>
      message.status === "DELETED" ? { ...message, text: null, attachments: null } : message,
    ),
    nextCursor,
  };
}
