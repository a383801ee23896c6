import useSWRInfinite from "swr/infinite";
import type { LeadPageJson } from "@/lib/leads/api-types";
import { LEADS_PAGE_SIZE, leadsApiQuery, type LeadsUrlState } from "@/lib/leads/leads-url";
import { requestJson } from "@/lib/swr/fetcher";

export function leadsGetKey(state: LeadsUrlState) {
  return (index: number, previous: LeadPageJson | null) => {
    if (index > 0 && !previous?.nextCursor) return null;
    const search = leadsApiQuery(state);
    search.set("limit", String(LEADS_PAGE_SIZE));
    if (index > 0) search.set("cursor", previous!.nextCursor!);
    return `/api/leads?${search}`;
  };
}

/** The table's leads as cursor pages ("Load more"); live updates revalidate them. */
export function useLeads(state: LeadsUrlState) {
  const swr = useSWRInfinite<LeadPageJson>(leadsGetKey(state), requestJson, { revalidateFirstPage: true, keepPreviousData: true });
  const pages = swr.data ?? [];
  return {
    ...swr,
    leads: pages.flatMap((page) => page.leads),
    hasMore: Boolean(pages.at(-1)?.nextCursor),
    loadingMore: swr.isValidating && swr.size > pages.length,
  };
}
