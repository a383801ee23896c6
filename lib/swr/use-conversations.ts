import useSWRInfinite from "swr/infinite";
import type { ConversationPageJson } from "@/lib/inbox/api-types";
import { requestJson } from "@/lib/swr/fetcher";
import { conversationsPageKey, type ListParams } from "@/lib/swr/inbox-keys";

export function conversationsGetKey(params: ListParams) {
  return (index: number, previous: ConversationPageJson | null) => {
    if (index > 0 && !previous?.nextCursor) return null;
    return conversationsPageKey(params, index === 0 ? null : previous!.nextCursor);
  };
}

/** The conversation list as infinite pages; live updates revalidate it (see use-inbox-events). */
export function useConversations(params: ListParams) {
  const swr = useSWRInfinite<ConversationPageJson>(conversationsGetKey(params), requestJson, {
    revalidateFirstPage: true,
    keepPreviousData: true,
  });
  const pages = swr.data ?? [];
  const conversations = pages.flatMap((page) => page.conversations);
  const last = pages.at(-1);
  return {
    ...swr,
    conversations,
    unreadCounts: pages[0]?.unreadCounts,
    hasMore: Boolean(last?.nextCursor),
    loadingMore: swr.isValidating && swr.size > pages.length,
  };
}
