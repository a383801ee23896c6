import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { conversationListOrder, conversationListSelect, type ConversationListItem } from "@/lib/inbox/conversation-select";
import { afterCursor, decodeCursor, pageOf } from "@/lib/inbox/cursor";
import { channelMeta, channelMetaByDb, type ChannelKey } from "@/lib/channels/catalog";
import { INBOX_TABS, type InboxTab } from "@/lib/inbox/constants";
import { matchingMessages, searchConversations, viewConditions, type ListView } from "@/lib/inbox/search-conversations";
import type { ListConversationsQuery } from "@/lib/validations/conversation";
import { withPreviewThumbnails } from "@/lib/media/preview-thumbnails";
import { visibleConversationSql, visibleConversationWhere } from "@/lib/leads/visibility";
import type { LabelJson } from "@/lib/labels/conversation-labels";
import { labelWhere } from "@/lib/labels/label-filter";
import { withLabels } from "@/lib/labels/conversation-labels";
import { speedToLeadWhere, waitingOrder } from "@/lib/speed-to-lead/list-view";

/** Per inbox tab: "all" and each channel's key. */
export type UnreadCounts = Record<InboxTab, number>;

export interface ConversationPage {
  conversations: (ConversationListItem & { labels: LabelJson[] })[];
  nextCursor: string | null;
  /** Conversations with unread messages per tab (open, not blocked). Only on the first page. */
  unreadCounts?: UnreadCounts;
}


const filterStatus = { open: "OPEN", unread: "OPEN", mine: "OPEN", waiting: "OPEN", "window-closing": "OPEN", snoozed: "SNOOZED", archived: "ARCHIVED" } as const;

/**
 * The inbox list, newest activity first, keyset-paginated on (lastMessageAt desc, id desc). Every
 * view starts with `hidden = false` (+ channel) + status, the prefix of the list indexes, so SQLite
 * walks the index in order and stops at the page size even with 100k conversations. A search
 * (lib/inbox/search-conversations.ts) picks the page's ids in SQL, then the same rows are loaded.
 * An agent who sees only their own and unassigned conversations gets only those, counts included.
 * `sort=waiting` and the Waiting / Window closing views add their conditions from lib/speed-to-lead
 * (sort=waiting pages on (waitingSince asc, id asc) instead).
 */
export async function listConversations(query: ListConversationsQuery, user: Pick<SessionUser, "id" | "role">): Promise<ConversationPage> {
  const visible = await visibleConversationSql(user);
  const byWait = !query.q && query.sort === "waiting";
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const speedWhere = query.q ? null : speedToLeadWhere(query, byWait ? cursor : undefined, new Date());
  const view: ListView = {
    channel: query.channel === "all" ? undefined : channelMeta(query.channel).dbChannel,
    // A search looks in every view, so an archived lead is found; each hit shows its status.
    status: query.q ? undefined : (query.status ?? filterStatus[query.filter]),
    unreadOnly: !query.q && query.filter === "unread",
    assigneeId: !query.q && query.filter === "mine" ? user.id : undefined,
    cursor: byWait ? undefined : cursor,
    visible,
  };
  const take = query.limit + 1;
  const where = query.q
    ? { id: { in: await searchConversations(query.q, view, take) } }
    : query.label || speedWhere
      ? { AND: [listWhere(view), query.label ? await labelWhere(query.label) : {}, speedWhere ?? {}, visible ? await visibleConversationWhere(user) : {}] }
      : visible
        ? { id: { in: await visibleIds(view, take) } }
        : listWhere(view);
  const rows = await db.conversation.findMany({ where, orderBy: byWait ? waitingOrder : conversationListOrder, take, select: conversationListSelect });
  const { page, nextCursor } = pageOf(rows, query.limit, (row) => (byWait ? row.waitingSince : row.lastMessageAt));
  const shown = await withLabels(await withPreviewThumbnails(page));
  const conversations = query.q ? await withMatchingMessages(query.q, shown) : shown;
  if (query.cursor) return { conversations, nextCursor };
  return { conversations, nextCursor, unreadCounts: visible ? await countVisibleUnread(visible) : await countUnread() };
}

/** A restricted agent's page: the view's conditions and the visibility rule in one SQL walk down the list index. */
async function visibleIds(view: ListView, take: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c."id" FROM "Conversation" c WHERE ${viewConditions(view)}
    ORDER BY c."lastMessageAt" DESC, c."id" DESC
    LIMIT ${take}`;
  return rows.map((row) => row.id);
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
  return tabCounts(groups.map((group) => ({ channel: group.channel, count: group._count._all })));
}

/** The badges over what a restricted agent may see. */
async function countVisibleUnread(visible: Prisma.Sql): Promise<UnreadCounts> {
  const groups = await db.$queryRaw<{ channel: string; count: number | bigint }[]>`
    SELECT c."channel" AS channel, COUNT(*) AS count FROM "Conversation" c
    WHERE c."hidden" = ${false} AND c."status" = 'OPEN' AND c."unreadCount" > 0 AND ${visible}
    GROUP BY c."channel"`;
  return tabCounts(groups.map((group) => ({ channel: group.channel, count: Number(group.count) })));
}

function tabCounts(groups: Array<{ channel: string; count: number }>): UnreadCounts {
  const counts = Object.fromEntries(INBOX_TABS.map((tab) => [tab, 0])) as UnreadCounts;
  for (const group of groups) {
    counts.all += group.count;
    const tab = channelMetaByDb(group.channel)?.key as ChannelKey | undefined;
    if (tab) counts[tab] += group.count;
  }
  return counts;
}
