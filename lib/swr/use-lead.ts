import useSWR from "swr";
import type { LeadJson } from "@/lib/leads/api-types";
import { requestJson } from "@/lib/swr/fetcher";

export function leadKey(id: string): string {
  return `/api/leads/${id}`;
}

/** One lead (the inbox's lead panel); null key until there is one. Live updates revalidate it. */
export function useLead(id: string | null) {
  return useSWR<{ lead: LeadJson }>(id ? leadKey(id) : null, requestJson);
}
