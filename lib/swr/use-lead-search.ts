import useSWR from "swr";
import type { LeadPageJson } from "@/lib/leads/api-types";
import { requestJson } from "@/lib/swr/fetcher";

/** "Link to existing lead": leads whose names, usernames or phones match; nothing until 2 characters. */
export function useLeadSearch(q: string) {
  const query = q.trim();
  return useSWR<LeadPageJson>(query.length >= 2 ? `/api/leads?${new URLSearchParams({ q: query, limit: "8" })}` : null, requestJson, {
    keepPreviousData: true,
  });
}
