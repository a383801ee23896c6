import useSWR from "swr";
import type { LabelJson } from "@/lib/labels/conversation-labels";
import { requestJson } from "@/lib/swr/fetcher";

export const LABELS_KEY = "/api/settings/labels";

/** The team's labels, for the inbox's picker and filter and the settings page. */
export function useLabels() {
  return useSWR<{ labels: LabelJson[] }>(LABELS_KEY, requestJson);
}
