import { channelMetaByDb, type ChannelKey } from "@/lib/channels/catalog";
import type { ConversationPageJson } from "@/lib/inbox/api-types";

/**
 * The list's pages with one conversation read: its badge and the tab counts drop at once, before
 * the server confirms. Pages where it is already read come back untouched (same object).
 */
export function markReadInPages(pages: ConversationPageJson[] | undefined, id: string): ConversationPageJson[] | undefined {
  const item = pages?.flatMap((page) => page.conversations).find((conversation) => conversation.id === id);
  if (!pages || !item || item.unreadCount === 0) return pages;
  // The conversation's own channel tab: every channel has one (lib/channels/catalog.ts).
  const tab = channelMetaByDb(item.channel)?.key as ChannelKey | undefined;
  return pages.map((page) => ({
    ...page,
    conversations: page.conversations.map((c) => (c.id === id ? { ...c, unreadCount: 0 } : c)),
    unreadCounts: page.unreadCounts && {
      ...page.unreadCounts,
      all: Math.max(0, page.unreadCounts.all - 1),
      ...(tab ? { [tab]: Math.max(0, page.unreadCounts[tab] - 1) } : {}),
    },
  }));
}
