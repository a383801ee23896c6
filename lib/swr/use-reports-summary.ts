import useSWR from "swr";
import type { ReportsSummary } from "@/lib/reports/summary-types";
import { reportsSummaryKey, type ReportsUrlState } from "@/lib/reports/reports-url";
import { requestJson } from "@/lib/swr/fetcher";

/** The reports' figures for the page's filters; the previous figures stay on screen while new ones load. */
export function useReportsSummary(state: ReportsUrlState) {
  return useSWR<ReportsSummary>(reportsSummaryKey(state), requestJson, { keepPreviousData: true, revalidateOnFocus: false });
}
