import useSWR from "swr";
import type { BoardJson } from "@/lib/leads/api-types";
import { leadsApiQuery, type LeadsUrlState } from "@/lib/leads/leads-url";
import { requestJson } from "@/lib/swr/fetcher";

export function leadBoardKey(state: LeadsUrlState): string {
  return `/api/leads/board?${leadsApiQuery(state, { board: true })}`;
}

/** The board's columns with counts, totals and first cards; teammates' changes revalidate it live. */
export function useLeadBoard(state: LeadsUrlState) {
  return useSWR<BoardJson>(leadBoardKey(state), requestJson, { keepPreviousData: true });
}
