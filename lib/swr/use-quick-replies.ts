import useSWR from "swr";
import type { QuickReplyJson } from "@/lib/inbox/api-types";
import { requestJson } from "@/lib/swr/fetcher";

/** Team-wide saved replies; fetched when the composer first needs them ("/" or the manager). */
export function useQuickReplies(enabled: boolean) {
  return useSWR<{ quickReplies: QuickReplyJson[] }>(enabled ? "/api/inbox/quick-replies" : null, requestJson);
}
