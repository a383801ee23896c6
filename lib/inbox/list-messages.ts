import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { afterCursor, decodeCursor, encodeCursor } from "@/lib/inbox/cursor";
import type { ListMessagesQuery } from "@/lib/validations/conversation";

/** The message fields the thread renders (the same the reply route answers with). */
export const threadMessageSelect = {
  id: true,
  conversationId: true,
  channel: true,
  direction: true,
  externalId: true,
  text: true,
  type: true,
  attachments: true,
  status: true,
  error: true,
  errorCode: true,
  sentAt: true,
  deliveredAt: true,
  readAt: true,
  editedAt: true,
  deletedAt: true,
  replyToExternalId: true,
  idempotencyKey: true,
  createdAt: true,
  sentBy: { select: { id: true, name: true } },
} as const satisfies Prisma.MessageSelect;

export type ThreadMessage = Prisma.MessageGetPayload<{ select: typeof threadMessageSelect }>;

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
    select: threadMessageSelect,
  });
  const page = rows.slice(0, query.limit);
  const oldest = page.at(-1);
  return {
    // An unsent message stays in the thread as "message unsent"; what it said must not travel.
    messages: page.reverse().map((message) =>
      message.status === "DELETED" ? { ...message, text: null, attachments: null } : message,
    ),
    nextCursor: rows.length > query.limit && oldest ? encodeCursor(oldest.sentAt, oldest.id) : null,
  };
}
