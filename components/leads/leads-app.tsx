"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { SWRConfig, unstable_serialize } from "swr";
import type { TeamMember } from "@/lib/inbox/api-types";
import type { LeadStatusValue } from "@/lib/inbox/constants";
import type { BoardJson, LeadJson, LeadPageJson } from "@/lib/leads/api-types";
import { leadsApiQuery, leadsHref, type LeadsUrlState } from "@/lib/leads/leads-url";
import { useInboxEvents } from "@/lib/swr/use-inbox-events";
import { useLeadActions } from "@/lib/swr/use-lead-actions";
import { leadBoardKey } from "@/lib/swr/use-lead-board";
import { leadsGetKey } from "@/lib/swr/use-leads";
import { LeadBoard, rememberBoardScroll } from "./lead-board";
import { LeadFilters } from "./lead-filters";
import { LeadTable, type BulkChange } from "./lead-table";

export type LeadsFallback = { board: BoardJson; page?: never } | { page: LeadPageJson; board?: never };

/**
 * The pipeline page. The server renders the first view from the URL and seeds SWR under the keys
 * the hooks ask for; filters, view and sort live in the URL (router.replace, so Back leaves the
 * page rather than undoing a filter), and the event stream keeps every teammate's board current.
 */
export function LeadsApp({ state, team, fallback }: { state: LeadsUrlState; team: TeamMember[]; fallback: LeadsFallback }) {
  // Only the first render's view was loaded on the server: later URL changes fetch on the client.
  const [seeded] = useState(() =>
    fallback.board ? { [leadBoardKey(state)]: fallback.board } : { [unstable_serialize(leadsGetKey(state))]: [fallback.page] },
  );
  return (
    <SWRConfig value={{ fallback: seeded, revalidateIfStale: false }}>
      <Pipeline state={state} team={team} />
    </SWRConfig>
  );
}

function Pipeline({ state, team }: { state: LeadsUrlState; team: TeamMember[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const actions = useLeadActions();
  const { live } = useInboxEvents();
  const [message, setMessage] = useState<string | null>(null);

  const change = useCallback((patch: Partial<LeadsUrlState>) => router.replace(leadsHref({ ...state, ...patch }), { scroll: false }), [router, state]);
  const open = useCallback(
    (lead: LeadJson) => {
      const conversation = lead.conversations[0];
      if (!conversation) return setMessage(`${lead.name} has no conversation yet.`);
      if (pathname === "/leads" && state.view === "board") rememberBoardScroll();
      router.push(`/inbox?c=${encodeURIComponent(conversation.id)}`);
    },
    [router, pathname, state.view],
  );
  const move = useCallback(
    async (lead: LeadJson, status: LeadStatusValue, lostReason?: string) => {
      await actions.update(lead.id, { status, ...(lostReason ? { lostReason } : {}) });
    },
    [actions],
  );
  const bulk = useCallback(
    async (changeSet: BulkChange) => {
      try {
        const { updated } = await actions.bulk(changeSet);
        setMessage(`${updated} lead${updated === 1 ? "" : "s"} updated.`);
      } catch (error) {
        setMessage((error as Error).message);
      }
    },
    [actions],
  );

  return (
    <div className="flex h-full min-h-0 flex-col" data-live={live ? "true" : "false"} data-testid="leads-page">
      <div className="flex flex-col gap-2 border-b border-slate-200 bg-white px-3 py-2 sm:px-4">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="mr-2 text-base font-semibold text-slate-900">Pipeline</h1>
          <nav aria-label="View" className="flex rounded-md border border-slate-300 p-0.5 text-sm">
            {(["board", "table"] as const).map((view) => (
              <Link
                key={view}
                href={leadsHref({ ...state, view })}
                replace
                aria-current={state.view === view ? "page" : undefined}
                className={`rounded px-3 py-1 font-medium ${state.view === view ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}
              >
                {view === "board" ? "Board" : "Table"}
              </Link>
            ))}
          </nav>
          <span className="ml-auto flex items-center gap-3">
            <span className="hidden items-center text-xs text-slate-500 sm:flex" data-testid="live-status">
              <span className={`mr-1.5 inline-block h-2 w-2 rounded-full ${live ? "bg-emerald-500" : "bg-slate-300"}`} />
              {live ? "Live" : "Connecting…"}
            </span>
            <a href={`/api/leads/export?${leadsApiQuery(state, { board: state.view === "board" })}`} download
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
              Export CSV
            </a>
          </span>
        </div>
        <LeadFilters state={state} team={team} onChange={change} />
      </div>
      {message ? (
        <p role="status" className="flex items-center justify-between bg-amber-50 px-4 py-1.5 text-sm text-amber-900">
          {message}
          <button type="button" onClick={() => setMessage(null)} className="text-xs underline">Dismiss</button>
        </p>
      ) : null}
      <div className="min-h-0 flex-1">
        {state.view === "board" ? (
          <LeadBoard state={state} onOpen={open} onMove={move} />
        ) : (
          <LeadTable state={state} team={team} onOpen={open} onSort={(sort) => change({ sort })} onBulk={bulk} />
        )}
      </div>
    </div>
  );
}
