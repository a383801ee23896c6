"use client";

import { useCallback, useMemo } from "react";
import { useSWRConfig } from "swr";
import type { SWRInfiniteKeyedMutator } from "swr/infinite";
import type { ConversationDetailJson, ConversationPageJson } from "@/lib/inbox/api-types";
import type { UpdateConversationInput } from "@/lib/validations/conversation";
import { markReadInPages } from "@/lib/swr/conversation-pages";
import { requestJson } from "@/lib/swr/fetcher";
import { conversationKey } from "@/lib/swr/inbox-keys";

/**
 * The inbox's writes to a conversation, each followed by the cache updates that keep the list and
 * the open thread in step. They throw on failure; the caller decides what to tell the user.
 * `mutateList` is the list's own (bound) mutate, so a bare call revalidates every loaded page.
 */
export function useConversationMutations(mutateList: SWRInfiniteKeyedMutator<ConversationPageJson[]>) {
  const { mutate } = useSWRConfig();

  const markRead = useCallback(
    async (id: string) => {
      await mutateList((pages) => markReadInPages(pages, id), { revalidate: false });
      await requestJson(`/api/inbox/conversations/${id}/read`, { method: "POST" }).catch(() => undefined);
      // The server's word once the read is committed, as `update` below does after its change: a
      // list fetch in flight when the badge was cleared put it back, and in those runs no list fetch
      // followed the read's live event (e2e inbox-salesperson, about one run in five).
      await mutateList();
    },
    [mutateList],
  );

  return useMemo(
    () => ({
      markRead,
      markUnread: async (id: string) => {
        await requestJson(`/api/inbox/conversations/${id}/unread`, { method: "POST" });
      },
      refreshList: async () => {
        await mutateList();
      },
      update: async (id: string, body: UpdateConversationInput) => {
        const data = await requestJson<{ conversation: ConversationDetailJson }>(`/api/inbox/conversations/${id}`, { method: "PATCH", body });
        await mutate(conversationKey(id), data, { revalidate: false });
        void mutateList();
      },
      block: async (id: string) => {
        await requestJson(`/api/inbox/conversations/${id}/block`, { method: "POST" });
        void mutateList();
      },
      unblock: async (id: string) => {
        await requestJson(`/api/inbox/conversations/${id}/block`, { method: "DELETE" });
        await mutate(conversationKey(id));
        void mutateList();
      },
    }),
    [markRead, mutate, mutateList],
  );
}
