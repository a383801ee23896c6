import useSWR from "swr";
import type { DuplicateSuggestionJson } from "@/lib/leads/api-types";
import { requestJson } from "@/lib/swr/fetcher";

/** Likely duplicates of a lead, for the lead panel's "Merge" suggestions. */
export function useLeadDuplicates(id: string | null) {
  return useSWR<{ duplicates: DuplicateSuggestionJson[] }>(id ? `/api/leads/${id}/duplicates` : null, requestJson, { revalidateOnFocus: false });
}
