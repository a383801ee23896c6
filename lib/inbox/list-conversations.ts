import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { conversationListSelect, type ConversationListItem } from "@/lib/inbox/conversation-select";
import { afterCursor, decodeCursor, pageOf } from "@/lib/inbox/cursor";
import type { InboxTab } from "@/lib/inbox/constants";
import type { ListConversationsQuery } from "@/lib/validations/conversation";
import { withPreviewThumbnails } from "@/lib/media/preview-thumbnails";

export interface UnreadCounts {
  all: number;
  whatsapp: number;
  instagram: number;
}

export interface ConversationPage {
  conversations: ConversationListItem[];
  nextCursor: string | null;
  /** Conversations with unread messages per tab (open, not blocked). Only on the first page. */
  unreadCounts?: UnreadCounts;
}

const tabChannel = { whatsapp: "WHATSAPP", instagram: "INSTAGRAM" } as const;

/**
 * The inbox list, newest activity first, keyset-paginated on (lastMessageAt desc, id desc). Every
 * view starts with `hidden = false` (+ channel) + status, the prefix of the list indexes, so SQLite
 * walks the index in order and stops at the page size even with 100k conversations.
 */
export async function listConversations(query: ListConversationsQuery, user: Pick<SessionUser, "id">): Promise<ConversationPage> {
  const where: Prisma.ConversationWhereInput = {
    hidden: false,
    ...(query.channel === "all" ? {} : { channel: tabChannel[query.channel] }),
    status: query.filter === "archived" ? "ARCHIVED" : "OPEN",
    ...(query.filter === "unread" ? { unreadCount: { gt: 0 } } : {}),
    ...(query.filter === "mine" ? { assigneeId: user.id } : {}),
  };
  const and: Prisma.ConversationWhereInput[] = [];
  if (query.q) and.push(searchWhere(query.q));
  if (query.cursor) and.push(afterCursor("lastMessageAt", decodeCursor(query.cursor), { nullable: true }) as Prisma.ConversationWhereInput);
  if (and.length) where.AND = and;

  const rows = await db.conversation.findMany({
    where,
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: conversationListSelect,
  });
  const { page, nextCursor } = pageOf(rows, query.limit, (row) => row.lastMessageAt);
  const conversations = await withPreviewThumbnails(page);
  if (query.cursor) return { conversations, nextCursor };
  return { conversations, nextCursor, unreadCounts: await countUnread() };
}

/** Names, @usernames, phone numbers (typed with or without +, spaces, dashes) and message text. */
function searchWhere(q: string): Prisma.ConversationWhereInput {
  const username = q.replace(/^@/, "");
  const digits = q.replace(/\D/g, "");
  const or: Prisma.ConversationWhereInput[] = [
    { contact: { displayName: { contains: q } } },
    { contact: { instagramUsername: { contains: username } } },
    { messages: { some: { text: { contains: q } } } },
  ];
  // Only a query that looks like a phone number matches phones: "ana.live.2024" is not one.
  if (digits.length >= 3 && /^[+\d\s().-]+$/.test(q)) or.push({ contact: { whatsappId: { contains: digits } } });
  return { OR: or };
}

/** One grouped query for all the tab badges. */
export async function countUnread(): Promise<UnreadCounts> {
  const groups = await db.conversation.groupBy({
    by: ["channel"],
    where: { hidden: false, status: "OPEN", unreadCount: { gt: 0 } },
    _count: { _all: true },
  });
  const counts: UnreadCounts = { all: 0, whatsapp: 0, instagram: 0 };
  for (const group of groups) {
    counts.all += group._count._all;
    const tab = (Object.keys(tabChannel) as Exclude<InboxTab, "all">[]).find((key) => tabChannel[key] === group.channel);
    if (tab) counts[tab] += group._count._all;
  }
  return counts;
}
