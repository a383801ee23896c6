"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { SWRConfig } from "swr";
import type { TeamMember } from "@/lib/inbox/api-types";
import { formatMoney } from "@/lib/leads/money";
import { formatDuration, formatRate } from "@/lib/reports/format";
import { byAgentTable, conversationsByDayTable, leadsByStatusTable } from "@/lib/reports/report-tables";
import { reportsHref, reportsSummaryKey, type ReportsUrlState } from "@/lib/reports/reports-url";
import type { ReportsSummary } from "@/lib/reports/summary-types";
import { useReportsSummary } from "@/lib/swr/use-reports-summary";
import { ReportFilters } from "./report-filters";
import { ReportTableView } from "./report-table-view";

// The chart library is loaded by this page alone, after its numbers (already in the tables) are on screen.
const ConversationsChart = dynamic(() => import("./report-charts").then((module) => module.ConversationsChart), {
  ssr: false,
  loading: () => <ChartPlaceholder />,
});
const FunnelChart = dynamic(() => import("./report-charts").then((module) => module.LeadsFunnelChart), {
  ssr: false,
  loading: () => <ChartPlaceholder />,
});

export function ReportsApp(props: { initialState: ReportsUrlState; fallback: ReportsSummary | null; team: TeamMember[]; isAdmin: boolean }) {
  // Only the first render's figures came from the server; later filters fetch on the client.
  const [seeded] = useState(() => (props.fallback ? { [reportsSummaryKey(props.initialState)]: props.fallback } : {}));
  return (
    <SWRConfig value={{ fallback: seeded, revalidateIfStale: false }}>
      <Reports {...props} />
    </SWRConfig>
  );
}

function Reports({ initialState, team, isAdmin }: { initialState: ReportsUrlState; team: TeamMember[]; isAdmin: boolean }) {
  const [state, setState] = useState(initialState);
  const { data: summary, error, isLoading, isValidating } = useReportsSummary(state);
  // Filters work once the page is interactive; tests (and people on slow links) can tell when that is.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const change = (next: ReportsUrlState) => {
    setState(next);
    // The URL follows the filters so a link shares the view; no server round trip, SWR fetches the figures.
    window.history.replaceState(null, "", reportsHref(next));
  };

  return (
    <main className="h-full overflow-y-auto bg-slate-50" data-hydrated={hydrated ? "true" : undefined}>
      <div className="mx-auto flex max-w-6xl flex-col gap-4 p-4 sm:p-6">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-xl font-semibold text-slate-900">Reports</h1>
            <p className="text-sm text-slate-600">
              {state.from === state.to ? state.from : `${state.from} – ${state.to}`} (UTC days){isAdmin ? "" : " · the team's figures and your own row"}
            </p>
          </div>
          <p aria-live="polite" className="text-xs text-slate-500" data-testid="reports-status">
            {isValidating || isLoading ? "Updating…" : error ? "" : "Up to date"}
          </p>
        </div>
        <ReportFilters state={state} onChange={change} team={team} isAdmin={isAdmin} />
        {error ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {error instanceof Error ? error.message : "The report could not be loaded."}
          </p>
        ) : null}
        {summary ? <ReportBody summary={summary} state={state} isAdmin={isAdmin} /> : isLoading ? <p className="text-sm text-slate-600">Loading…</p> : null}
      </div>
    </main>
  );
}

function ReportBody({ summary, state, isAdmin }: { summary: ReportsSummary; state: ReportsUrlState; isAdmin: boolean }) {
  const byDay = conversationsByDayTable(summary, state);
  const funnel = leadsByStatusTable(summary);
  const agents = byAgentTable(summary);
  const started = summary.conversationsByDay.reduce((sum, row) => sum + row.count, 0);
  const created = summary.leadsByStatus.reduce((sum, row) => sum + row.count, 0);
  const won = summary.leadsByStatus.find((row) => row.status === "WON")?.count ?? 0;
  const suffix = `${state.from}_${state.to}${state.channel ? `_${state.channel}` : ""}`;
  return (
    <>
      <section aria-label="Key figures" className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Figure label="First response, median" value={formatDuration(summary.firstResponse.medianSeconds)} testId="figure-median" />
        <Figure label="First response, p90" value={formatDuration(summary.firstResponse.p90Seconds)} testId="figure-p90" />
        <Figure
          label={`Within the ${formatDuration(summary.sla.targetSeconds)} target`}
          value={formatRate(summary.sla.hitRate)}
          note={`of ${summary.firstResponse.count} answered`}
          testId="figure-sla"
        />
        <Figure label="Conversations started" value={String(started)} testId="figure-started" />
        <Figure
          label="Won value"
          value={summary.wonValue.length === 0 ? "—" : summary.wonValue.map((total) => formatMoney(total.value, total.currency)).join(" + ")}
          note={`${created} leads created, ${won} of them won`}
          testId="figure-won"
        />
      </section>

      <section aria-labelledby="by-day-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="by-day-title" className="mb-3 text-sm font-semibold text-slate-900">
          Conversations started per day
        </h2>
        <ConversationsChart table={byDay} />
        <ReportTableView table={byDay} caption="Conversations started per day, by channel" filename={`conversations-per-day_${suffix}.csv`} testId="table-by-day" />
      </section>

      <section aria-labelledby="funnel-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="funnel-title" className="mb-3 text-sm font-semibold text-slate-900">
          Leads created in the range, by stage
        </h2>
        <FunnelChart table={funnel} />
        <ReportTableView table={funnel} caption="Leads created in the range by their current stage, with values" filename={`leads-by-stage_${suffix}.csv`} testId="table-funnel" />
      </section>

      <section aria-labelledby="agents-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="agents-title" className="mb-3 text-sm font-semibold text-slate-900">
          {isAdmin ? "By agent" : "Your figures"}
        </h2>
        <ReportTableView table={agents} caption="Conversations handled, median first response, replies sent and leads won per agent" filename={`agents_${suffix}.csv`} testId="table-agents" formatters={{ 2: (cell) => formatDuration(cell as number | null) }} />
      </section>
    </>
  );
}

function Figure({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3" data-testid={testId}>
      <p className="text-xs text-slate-600">{label}</p>
      <p className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{value}</p>
      {note ? <p className="mt-0.5 text-xs text-slate-500">{note}</p> : null}
    </div>
  );
}

function ChartPlaceholder() {
  return <div className="h-64 animate-pulse rounded-md bg-slate-100" aria-hidden="true" />;
}
