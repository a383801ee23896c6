import useSWR from "swr";
import type { Json } from "@/lib/inbox/api-types";
import type { MentionList } from "@/lib/notes/list-mentions";
import { requestJson } from "@/lib/swr/fetcher";

export const MENTIONS_KEY = "/api/inbox/mentions";

export type MentionListJson = Json<MentionList>;

/** The signed-in person's @mentions for the header's bell; live updates revalidate it on `mention.updated`. */
export function useMentions() {
  return useSWR<MentionListJson>(MENTIONS_KEY, requestJson);
}
