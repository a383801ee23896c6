import useSWR from "swr";
import type { ConversationDetailJson } from "@/lib/inbox/api-types";
import { fetchJson } from "@/lib/swr/fetch-json";
import { conversationKey } from "@/lib/swr/inbox-keys";

/** One conversation's detail (contact, lead, notes, reply window); null key until one is open. */
export function useConversation(id: string | null) {
  return useSWR<{ conversation: ConversationDetailJson }>(id ? conversationKey(id) : null, fetchJson);
}
