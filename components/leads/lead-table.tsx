"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { TeamMember } from "@/lib/inbox/api-types";
import { LEAD_STATUSES, type LeadStatusValue } from "@/lib/inbox/constants";
import type { LeadJson } from "@/lib/leads/api-types";
import { LEAD_STATUS_LABEL, type LeadSort } from "@/lib/leads/constants";
import type { LeadsUrlState } from "@/lib/leads/leads-url";
import { formatMoney } from "@/lib/leads/money";
import { useLeads } from "@/lib/swr/use-leads";
import { LeadChannels, SourceBadge } from "./lead-badges";
import { TimeSince } from "./time-since";

const STAGE_TONE: Record<LeadStatusValue, string> = {
  NEW: "bg-sky-100 text-sky-800",
  CONTACTED: "bg-violet-100 text-violet-800",
  QUALIFIED: "bg-amber-100 text-amber-800",
  WON: "bg-emerald-100 text-emerald-800",
  LOST: "bg-slate-200 text-slate-700",
};

export interface BulkChange {
  ids: string[];
  status?: LeadStatusValue;
  ownerId?: string | null;
}

export function LeadTable({ state, team, onSort, onOpen, onBulk }: {
  state: LeadsUrlState;
  team: TeamMember[];
  onSort: (sort: LeadSort) => void;
  onOpen: (lead: LeadJson) => void;
  onBulk: (change: BulkChange) => Promise<void>;
}) {
  const { leads, hasMore, loadingMore, setSize, size, error, isLoading } = useLeads(state);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const visibleSelected = leads.filter((lead) => selected.has(lead.id)).map((lead) => lead.id);
  const allSelected = leads.length > 0 && visibleSelected.length === leads.length;

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const bulk = async (change: Omit<BulkChange, "ids">) => {
    setBusy(true);
    try {
      await onBulk({ ids: visibleSelected, ...change });
      setSelected(new Set());
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex h-full min-h-0 flex-col">
      {visibleSelected.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2 border-b border-brand-100 bg-brand-50 px-4 py-2 text-sm" role="region" aria-label="Bulk actions">
          <span className="font-medium text-brand-700">{visibleSelected.length} selected</span>
          <label className="flex items-center gap-1">
            <span className="text-slate-600">Assign to</span>
            <select aria-label="Assign selected leads to" disabled={busy} value="" onChange={(event) => void bulk({ ownerId: event.target.value === "none" ? null : event.target.value })}
              className="rounded-md border border-slate-300 bg-white px-2 py-1">
              <option value="" disabled>Choose…</option>
              <option value="none">Nobody</option>
              {team.map((member) => <option key={member.id} value={member.id}>{member.name}</option>)}
            </select>
          </label>
          <label className="flex items-center gap-1">
            <span className="text-slate-600">Move to</span>
            <select aria-label="Move selected leads to" disabled={busy} value="" onChange={(event) => void bulk({ status: event.target.value as LeadStatusValue })}
              className="rounded-md border border-slate-300 bg-white px-2 py-1">
              <option value="" disabled>Choose…</option>
              {LEAD_STATUSES.map((status) => <option key={status} value={status}>{LEAD_STATUS_LABEL[status]}</option>)}
            </select>
          </label>
          <Button variant="ghost" className="py-1" onClick={() => setSelected(new Set())}>Clear</Button>
        </div>
      ) : null}
      <div className="min-h-0 flex-1 overflow-auto">
        <table className="w-full min-w-[56rem] border-separate border-spacing-0 text-sm" data-testid="lead-table">
          <thead className="sticky top-0 z-10 bg-slate-50 text-left text-xs font-medium text-slate-600">
            <tr>
              <th className="w-10 border-b border-slate-200 px-4 py-2">
                <input type="checkbox" aria-label="Select all leads shown" checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(leads.map((lead) => lead.id)))} />
              </th>
              <th className="border-b border-slate-200 px-2 py-2">Lead</th>
              <th className="border-b border-slate-200 px-2 py-2">Stage</th>
              <SortHeader sort="value" state={state} onSort={onSort}>Value</SortHeader>
              <th className="border-b border-slate-200 px-2 py-2">Owner</th>
              <SortHeader sort="lastContactAt" state={state} onSort={onSort}>Last contact</SortHeader>
              <th className="border-b border-slate-200 px-2 py-2">Source</th>
              <SortHeader sort="createdAt" state={state} onSort={onSort}>Created</SortHeader>
            </tr>
          </thead>
          <tbody>
            {leads.map((lead) => (
              <tr key={lead.id} className={`hover:bg-slate-50 ${selected.has(lead.id) ? "bg-brand-50/60" : "bg-white"}`} data-testid="lead-row">
                <td className="border-b border-slate-100 px-4 py-2">
                  <input type="checkbox" aria-label={`Select ${lead.name}`} checked={selected.has(lead.id)} onChange={() => toggle(lead.id)} />
                </td>
                <td className="border-b border-slate-100 px-2 py-2">
                  <button type="button" onClick={() => onOpen(lead)} className="flex items-center gap-2 text-left font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {lead.name}
                    <LeadChannels lead={lead} />
                  </button>
                </td>
                <td className="border-b border-slate-100 px-2 py-2">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STAGE_TONE[lead.status]}`}>{LEAD_STATUS_LABEL[lead.status]}</span>
                </td>
                <td className="border-b border-slate-100 px-2 py-2 text-right tabular-nums">{lead.value !== null ? formatMoney(lead.value, lead.currency) : <span className="text-slate-400">—</span>}</td>
                <td className="border-b border-slate-100 px-2 py-2 text-slate-700">{lead.owner?.name ?? <span className="text-slate-400 italic">Unassigned</span>}</td>
                <td className="border-b border-slate-100 px-2 py-2 text-slate-600"><TimeSince iso={lead.lastContactAt} /></td>
                <td className="border-b border-slate-100 px-2 py-2">{lead.source && lead.source.kind !== "organic" ? <SourceBadge source={lead.source} /> : <span className="text-xs text-slate-400">Organic</span>}</td>
                <td className="border-b border-slate-100 px-2 py-2 text-slate-600"><TimeSince iso={lead.createdAt} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        {error ? <p role="alert" className="p-4 text-sm text-red-700">{error.message}</p> : null}
        {!isLoading && leads.length === 0 && !error ? <p className="p-8 text-center text-sm text-slate-500">No leads match these filters.</p> : null}
        {hasMore ? (
          <div className="p-3 text-center">
            <Button variant="secondary" disabled={loadingMore} onClick={() => void setSize(size + 1)}>{loadingMore ? "Loading…" : "Load more"}</Button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function SortHeader({ sort, state, onSort, children }: { sort: LeadSort; state: LeadsUrlState; onSort: (sort: LeadSort) => void; children: React.ReactNode }) {
  const active = state.sort === sort;
  return (
    <th aria-sort={active ? "descending" : "none"} className={`border-b border-slate-200 px-2 py-2 ${sort === "value" ? "text-right" : ""}`}>
      <button type="button" onClick={() => onSort(sort)} className={`inline-flex items-center gap-1 hover:text-slate-900 ${active ? "text-slate-900" : ""}`}>
        {children}
        <span aria-hidden className={active ? "" : "opacity-0"}>↓</span>
      </button>
    </th>
  );
}
