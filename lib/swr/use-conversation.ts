import useSWR from "swr";
import type { ConversationDetailJson } from "@/lib/inbox/api-types";
import { requestJson } from "@/lib/swr/fetcher";
import { conversationKey } from "@/lib/swr/inbox-keys";

/** One conversation's detail (contact, lead, notes, reply window); null key until one is open. */
export function useConversation(id: string | null) {
  return useSWR<{ conversation: ConversationDetailJson }>(id ? conversationKey(id) : null, requestJson);
}
