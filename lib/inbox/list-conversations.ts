import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { conversationListOrder, conversationListSelect, type ConversationListItem } from "@/lib/inbox/conversation-select";
import { afterCursor, decodeCursor, pageOf } from "@/lib/inbox/cursor";
import type { InboxTab } from "@/lib/inbox/constants";
import { matchingMessages, searchConversations, type ListView } from "@/lib/inbox/search-conversations";
import type { ListConversationsQuery } from "@/lib/validations/conversation";
import { withPreviewThumbnails } from "@/lib/media/preview-thumbnails";
import type { LabelJson } from "@/lib/labels/conversation-labels";
import { labelWhere } from "@/lib/labels/label-filter";
import { withLabels } from "@/lib/labels/conversation-labels";

export interface UnreadCounts {
  all: number;
  whatsapp: number;
  instagram: number;
}

export interface ConversationPage {
  conversations: (ConversationListItem & { labels: LabelJson[] })[];
  nextCursor: string | null;
  /** Conversations with unread messages per tab (open, not blocked). Only on the first page. */
  unreadCounts?: UnreadCounts;
}

const tabChannel = { whatsapp: "WHATSAPP", instagram: "INSTAGRAM" } as const;

const filterStatus = { open: "OPEN", unread: "OPEN", mine: "OPEN", snoozed: "SNOOZED", archived: "ARCHIVED" } as const;

/**
 * The inbox list, newest activity first, keyset-paginated on (lastMessageAt desc, id desc). Every
 * view starts with `hidden = false` (+ channel) + status, the prefix of the list indexes, so SQLite
 * walks the index in order and stops at the page size even with 100k conversations. A search
 * (lib/inbox/search-conversations.ts) picks the page's ids in SQL, then the same rows are loaded.
 */
export async function listConversations(query: ListConversationsQuery, user: Pick<SessionUser, "id">): Promise<ConversationPage> {
  const view: ListView = {
    channel: query.channel === "all" ? undefined : tabChannel[query.channel],
    // A search looks in every view, so an archived lead is found; each hit shows its status.
    status: query.q ? undefined : (query.status ?? filterStatus[query.filter]),
    unreadOnly: !query.q && query.filter === "unread",
    assigneeId: !query.q && query.filter === "mine" ? user.id : undefined,
    cursor: query.cursor ? decodeCursor(query.cursor) : undefined,
  };
  const take = query.limit + 1;
  const where = query.q ? { id: { in: await searchConversations(query.q, view, take) } } : { ...listWhere(view), ...(await labelWhere(query.label)) };
  const rows = await db.conversation.findMany({ where, orderBy: conversationListOrder, take, select: conversationListSelect });
  const { page, nextCursor } = pageOf(rows, query.limit, (row) => row.lastMessageAt);
  const shown = await withLabels(await withPreviewThumbnails(page));
  const conversations = query.q ? await withMatchingMessages(query.q, shown) : shown;
  if (query.cursor) return { conversations, nextCursor };
  return { conversations, nextCursor, unreadCounts: await countUnread() };
}

async function withMatchingMessages<T extends { id: string }>(q: string, conversations: T[]) {
  const matches = await matchingMessages(q, conversations.map((conversation) => conversation.id));
  return conversations.map((conversation) => ({ ...conversation, matchedMessage: matches.get(conversation.id) ?? null }));
}

function listWhere(view: ListView): Prisma.ConversationWhereInput {
  return {
    hidden: false,
    ...(view.channel ? { channel: view.channel } : {}),
    ...(view.status ? { status: view.status } : {}),
    ...(view.unreadOnly ? { unreadCount: { gt: 0 } } : {}),
    ...(view.assigneeId ? { assigneeId: view.assigneeId } : {}),
    ...(view.cursor ? { AND: [afterCursor("lastMessageAt", view.cursor, { nullable: true }) as Prisma.ConversationWhereInput] } : {}),
  };
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
