import { channels } from "@/lib/channels/registry";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Cursor } from "@/lib/inbox/cursor";

/** "Window closing": the customer's reply window ends within this long. */
export const WINDOW_CLOSING_WITHIN_MS = 2 * 60 * 60 * 1000;

/** The list's "Waiting longest" order: the oldest wait first; the id breaks ties for the cursor. */
export const waitingOrder = [{ waitingSince: "asc" }, { id: "asc" }] as const satisfies Prisma.ConversationOrderByWithRelationInput[];

/**
 * What the speed-to-lead views add to a conversation list's conditions, or null when the query
 * asks for none of them: the `waiting` and `window-closing` views, and `sort=waiting` (which lists
 * only waiting conversations, oldest wait first, walking the [hidden, status, waitingSince] index).
 */
export function speedToLeadWhere(
  query: { filter: string; sort: "recent" | "waiting" },
  cursor: Cursor | undefined,
  now: Date,
): Prisma.ConversationWhereInput | null {
  const conditions: Prisma.ConversationWhereInput[] = [];
  if (query.filter === "waiting" || query.sort === "waiting") conditions.push({ waitingSince: { not: null } });
  if (query.filter === "window-closing") conditions.push(windowClosingWhere(now));
  if (query.sort === "waiting" && cursor) conditions.push(afterWaitingCursor(cursor));
  return conditions.length > 0 ? { AND: conditions } : null;
}

/**
 * Each channel's free-form window (its adapter's rule) ends within two hours: the customer's last
 * message is older than the window less two hours, but not older than the window.
 */
export function windowClosingWhere(now: Date): Prisma.ConversationWhereInput {
  return {
    OR: Object.values(channels).map((adapter) => ({
      channel: adapter.dbChannel,
      lastInboundAt: {
        gt: new Date(now.getTime() - adapter.messagingWindow.freeFormMs),
        lte: new Date(now.getTime() - adapter.messagingWindow.freeFormMs + WINDOW_CLOSING_WITHIN_MS),
      },
    })),
  };
}

/** "After this row" for (waitingSince asc, id asc). */
function afterWaitingCursor(cursor: Cursor): Prisma.ConversationWhereInput {
  if (cursor.at === null) return { id: { gt: cursor.id } };
  const at = new Date(cursor.at);
  return { waitingSince: { gte: at }, OR: [{ waitingSince: { gt: at } }, { id: { gt: cursor.id } }] };
}
