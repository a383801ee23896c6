import type { Metadata } from "next";
import { ReportsApp } from "@/components/reports/reports-app";
import { listTeam } from "@/lib/inbox/list-team";
import { getReportsSummary } from "@/lib/reports/get-reports-summary";
import { parseReportsUrl, reportsApiQuery, type ReportsUrlState } from "@/lib/reports/reports-url";
import type { ReportsSummary } from "@/lib/reports/summary-types";
import { requirePageUser } from "@/lib/require-page-user";
import { reportsSummaryQuerySchema } from "@/lib/validations/reports";

export const metadata: Metadata = { title: "Reports" };

/** Reports for a date range, rendered on the server from the URL; the client refetches (SWR) when a filter changes. */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const isAdmin = user.role === "ADMIN";
  const parsed = parseReportsUrl(await searchParams);
  // Agents see only their own row: a userId in the URL is theirs or ignored (the API would answer 403).
  const state: ReportsUrlState = { ...parsed, userId: isAdmin || parsed.userId === user.id ? parsed.userId : null };
  const query = reportsSummaryQuerySchema.parse(Object.fromEntries(new URLSearchParams(reportsApiQuery(state))));
  const [summary, team] = await Promise.all([
    getReportsSummary(query, user).catch(() => null),
    isAdmin ? listTeam() : Promise.resolve([]),
  ]);
  // Dates and numbers exactly as the JSON API sends them, so the client cache holds one shape.
  const fallback = summary ? (JSON.parse(JSON.stringify(summary)) as ReportsSummary) : null;
  return <ReportsApp initialState={state} fallback={fallback} team={team} isAdmin={isAdmin} />;
}
