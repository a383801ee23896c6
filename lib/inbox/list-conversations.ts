import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { conversationListOrder, conversationListSelect, type ConversationListItem } from "@/lib/inbox/conversation-select";
import { afterCursor, decodeCursor, pageOf } from "@/lib/inbox/cursor";
import type { InboxTab } from "@/lib/inbox/constants";
import { searchConversations, type ListView } from "@/lib/inbox/search-conversations";
import type { ListConversationsQuery } from "@/lib/validations/conversation";
import { withPreviewThumbnails } from "@/lib/media/preview-thumbnails";
import { visibleConversationSql, visibleConversationWhere } from "@/lib/leads/visibility";

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
 * walks the index in order and stops at the page size even with 100k conversations. A search
 * (lib/inbox/search-conversations.ts) picks the page's ids in SQL, then the same rows are loaded.
 * An agent who sees only their own and unassigned conversations gets only those, counts included.
 */
export async function listConversations(query: ListConversationsQuery, user: Pick<SessionUser, "id" | "role">): Promise<ConversationPage> {
  const visible = await visibleConversationWhere(user);
  const view: ListView = {
    channel: query.channel === "all" ? undefined : tabChannel[query.channel],
    status: query.filter === "archived" ? "ARCHIVED" : "OPEN",
    unreadOnly: query.filter === "unread",
    assigneeId: query.filter === "mine" ? user.id : undefined,
    cursor: query.cursor ? decodeCursor(query.cursor) : undefined,
    visible: query.q ? await visibleConversationSql(user) : null,
  };
  const take = query.limit + 1;
  const where = query.q ? { id: { in: await searchConversations(query.q, view, take) } } : { ...listWhere(view), ...visible };
  const rows = await db.conversation.findMany({ where, orderBy: conversationListOrder, take, select: conversationListSelect });
  const { page, nextCursor } = pageOf(rows, query.limit, (row) => row.lastMessageAt);
  const conversations = await withPreviewThumbnails(page);
  if (query.cursor) return { conversations, nextCursor };
  return { conversations, nextCursor, unreadCounts: await countUnread(visible) };
}

function listWhere(view: ListView): Prisma.ConversationWhereInput {
  return {
    hidden: false,
    ...(view.channel ? { channel: view.channel } : {}),
    status: view.status,
    ...(view.unreadOnly ? { unreadCount: { gt: 0 } } : {}),
    ...(view.assigneeId ? { assigneeId: view.assigneeId } : {}),
    ...(view.cursor ? { AND: [afterCursor("lastMessageAt", view.cursor, { nullable: true }) as Prisma.ConversationWhereInput] } : {}),
  };
}

/** One grouped query for all the tab badges, over what the viewer may see. */
export async function countUnread(visible: Prisma.ConversationWhereInput = {}): Promise<UnreadCounts> {
  const groups = await db.conversation.groupBy({
    by: ["channel"],
    where: { hidden: false, status: "OPEN", unreadCount: { gt: 0 }, ...visible },
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
