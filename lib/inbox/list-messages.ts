import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { afterCursor, decodeCursor, pageOf } from "@/lib/inbox/cursor";
import { messageSelect } from "@/lib/inbox/message-select";
import { reactionExternalId } from "@/lib/inbox/reaction-key";
import type { ListMessagesQuery } from "@/lib/validations/conversation";

type StoredMessage = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;

/** One person's reaction to a message: the customer's (INBOUND) or the business's (OUTBOUND). */
export interface MessageReaction {
  emoji: string;
  direction: StoredMessage["direction"];
}

/** The message a reply quotes, resolved even when it sits on an older page than the reply. */
export interface QuotedMessage {
  id: string;
  text: string | null;
  type: StoredMessage["type"];
  direction: StoredMessage["direction"];
}

export type ThreadMessage = StoredMessage & {
  reactions: MessageReaction[];
  /** Null when the message quotes nothing, or quotes one we never stored (older than our history). */
  replyTo: QuotedMessage | null;
};

export interface MessagePage {
  /** Oldest first within the page, ready to render top to bottom. */
  messages: ThreadMessage[];
  /** Cursor for the next older page; null at the start of the conversation. */
  nextCursor: string | null;
}

/**
 * A thread page, newest page first: the thread opens at the bottom and scrolls back in time.
 * Keyset on (sentAt desc, id desc) over the [conversationId, sentAt, id] index. Reactions are
 * stored as REACTION rows but shown on the message they react to, so they are left out of the
 * page (and of its cursor) and gathered onto their targets; two extra indexed queries per page,
 * whatever its size.
 */
export async function listMessages(conversationId: string, query: ListMessagesQuery): Promise<MessagePage> {
  const conversation = await db.conversation.findUnique({
    where: { id: conversationId },
    select: { id: true, channel: true, businessAccountId: true, contact: { select: { externalId: true } } },
  });
  if (!conversation) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  const where: Prisma.MessageWhereInput = { conversationId, type: { not: "REACTION" } };
  if (query.cursor) where.AND = [afterCursor("sentAt", decodeCursor(query.cursor), { nullable: false }) as Prisma.MessageWhereInput];
  const rows = await db.message.findMany({
    where,
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: messageSelect,
  });
  const { page, nextCursor } = pageOf(rows, query.limit, (row) => row.sentAt);
  const [reactions, quoted] = await Promise.all([reactionsOn(conversation, page), quotedBy(conversation, page)]);
  return {
    messages: page.reverse().map((message) => ({
      ...hideUnsent(message),
      reactions: (message.externalId && reactions.get(message.externalId)) || [],
      replyTo: (message.replyToExternalId && quoted.get(message.replyToExternalId)) || null,
    })),
    nextCursor,
  };
}

// An unsent message stays in the thread as "message unsent"; what it said must not travel.
function hideUnsent<T extends { status: string; text: string | null; attachments: unknown }>(message: T): T {
  return message.status === "DELETED" ? { ...message, text: null, attachments: null } : message;
}

type ThreadOwner = { id: string; channel: StoredMessage["channel"]; businessAccountId: string; contact: { externalId: string } };

// Only two people can react in a thread, the customer and the business, so every possible
// reaction key on the page is known: an exact lookup on the unique (channel, externalId) index,
// however long the thread. (Filtering by conversation in SQL tempts SQLite into a conversation
// index scan instead; the conversation check happens on the handful of rows found.)
async function reactionsOn(conversation: ThreadOwner, page: StoredMessage[]): Promise<Map<string, MessageReaction[]>> {
  const targets = page.flatMap((message) => (message.externalId ? [message.externalId] : []));
  const byTarget = new Map<string, MessageReaction[]>();
  if (targets.length === 0) return byTarget;
  const keys = targets.flatMap((target) => [
    reactionExternalId(conversation.contact.externalId, target),
    reactionExternalId(conversation.businessAccountId, target),
  ]);
  const rows = await db.message.findMany({
    where: { channel: conversation.channel, externalId: { in: keys }, type: "REACTION" },
    orderBy: [{ sentAt: "asc" }, { id: "asc" }],
    select: { text: true, direction: true, replyToExternalId: true, conversationId: true },
  });
  for (const row of rows) {
    if (row.conversationId !== conversation.id || !row.text || !row.replyToExternalId) continue;
    const list = byTarget.get(row.replyToExternalId) ?? [];
    list.push({ emoji: row.text, direction: row.direction });
    byTarget.set(row.replyToExternalId, list);
  }
  return byTarget;
}

async function quotedBy(conversation: ThreadOwner, page: StoredMessage[]): Promise<Map<string, QuotedMessage>> {
  const quotedIds = [...new Set(page.flatMap((message) => (message.replyToExternalId ? [message.replyToExternalId] : [])))];
  if (quotedIds.length === 0) return new Map();
  const rows = await db.message.findMany({
    where: { channel: conversation.channel, externalId: { in: quotedIds }, type: { not: "REACTION" } },
    select: { id: true, externalId: true, text: true, type: true, direction: true, status: true, conversationId: true },
  });
  return new Map(
    // A reply can only quote its own thread.
    rows.filter((row) => row.conversationId === conversation.id).map((row) => [
      row.externalId!,
      { id: row.id, text: row.status === "DELETED" ? null : row.text, type: row.type, direction: row.direction },
    ]),
  );
}
