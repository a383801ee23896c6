import useSWRInfinite from "swr/infinite";
import type { MessagePageJson } from "@/lib/inbox/api-types";
import { requestJson } from "@/lib/swr/fetcher";
import { messagesPageKey } from "@/lib/swr/inbox-keys";

export function messagesGetKey(conversationId: string | null) {
  return (index: number, previous: MessagePageJson | null) => {
    if (!conversationId) return null;
    if (index > 0 && !previous?.nextCursor) return null;
    return messagesPageKey(conversationId, index === 0 ? null : previous!.nextCursor);
  };
}

/**
 * A thread: page 0 is the newest; older pages load when scrolling up. Messages come out oldest first.
 * Every loaded page revalidates on a live event, not just the newest: a reaction, edit or unsend
 * can land on a message the salesperson scrolled back to.
 */
export function useMessages(conversationId: string | null) {
  const swr = useSWRInfinite<MessagePageJson>(messagesGetKey(conversationId), requestJson, { revalidateFirstPage: true, revalidateAll: true });
  const pages = swr.data ?? [];
  const messages = pages.slice().reverse().flatMap((page) => page.messages);
  return { ...swr, messages, hasOlder: Boolean(pages.at(-1)?.nextCursor) };
}
