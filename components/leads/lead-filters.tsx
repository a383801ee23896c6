"use client";

import { channelCatalog } from "@/lib/channels/catalog";
import { useEffect, useState } from "react";
import { SearchIcon } from "@/components/inbox/icons";
import type { TeamMember } from "@/lib/inbox/api-types";
import { LEAD_STATUSES, type LeadStatusValue } from "@/lib/inbox/constants";
import { LEAD_STATUS_LABEL, type LeadChannel, type LeadSourceFilter } from "@/lib/leads/constants";
import type { LeadsUrlState } from "@/lib/leads/leads-url";
import { LeadLabelFilter } from "@/components/leads/lead-label-filter";

const SEARCH_DELAY_MS = 250;
const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-800 focus:border-brand-500 focus:outline-none";

/** The filters both views share (the table adds stages and the last-contact range); every change goes to the URL. */
export function LeadFilters({ state, team, onChange }: { state: LeadsUrlState; team: TeamMember[]; onChange: (patch: Partial<LeadsUrlState>) => void }) {
  const [q, setQ] = useState(state.q);
  useEffect(() => setQ(state.q), [state.q]);
  useEffect(() => {
    if (q.trim() === state.q) return;
    const timer = setTimeout(() => onChange({ q: q.trim() }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, state.q, onChange]);

  return (
    <div className="flex flex-wrap items-center gap-2" role="search" aria-label="Filter leads">
      <label className="relative min-w-0 flex-1 basis-48 sm:max-w-64">
        <span className="sr-only">Search leads</span>
        <SearchIcon className="pointer-events-none absolute top-1/2 left-2 h-4 w-4 -translate-y-1/2 text-slate-400" />
        <input
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          placeholder="Name, @username or phone"
          maxLength={100}
          className="w-full rounded-md border border-slate-300 bg-white py-1.5 pr-2 pl-8 text-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none"
        />
      </label>
      <label>
        <span className="sr-only">Owner</span>
        <select value={state.owner} onChange={(event) => onChange({ owner: event.target.value })} className={selectClass}>
          <option value="">Everyone&apos;s</option>
          <option value="me">Mine</option>
          <option value="none">Unassigned</option>
          {team.map((member) => <option key={member.id} value={member.id}>{member.name}</option>)}
        </select>
      </label>
      <label>
        <span className="sr-only">Channel</span>
        <select value={state.channel} onChange={(event) => onChange({ channel: event.target.value as LeadChannel | "" })} className={selectClass}>
          <option value="">All channels</option>
          {channelCatalog.map((meta) => (
            <option key={meta.dbChannel} value={meta.dbChannel}>{meta.label}</option>
          ))}
        </select>
      </label>
      <LeadLabelFilter value={state.label} onChange={(label) => onChange({ label })} selectClass={selectClass} />
      <label>
        <span className="sr-only">Source</span>
        <select value={state.source} onChange={(event) => onChange({ source: event.target.value as LeadSourceFilter | "" })} className={selectClass}>
          <option value="">Any source</option>
          <option value="ad">From ads</option>
          <option value="organic">Organic</option>
        </select>
      </label>
      {state.view === "table" ? <TableOnlyFilters state={state} onChange={onChange} /> : null}
    </div>
  );
}

function TableOnlyFilters({ state, onChange }: { state: LeadsUrlState; onChange: (patch: Partial<LeadsUrlState>) => void }) {
  const toggle = (status: LeadStatusValue) =>
    onChange({ status: state.status.includes(status) ? state.status.filter((item) => item !== status) : [...state.status, status] });
  return (
    <>
      <fieldset className="flex flex-wrap gap-1">
        <legend className="sr-only">Stages</legend>
        {LEAD_STATUSES.map((status) => (
          <label key={status} className={`cursor-pointer rounded-full border px-2.5 py-1 text-xs font-medium ${state.status.includes(status) ? "border-brand-500 bg-brand-50 text-brand-700" : "border-slate-300 bg-white text-slate-600 hover:bg-slate-50"}`}>
            <input type="checkbox" className="sr-only" checked={state.status.includes(status)} onChange={() => toggle(status)} />
            {LEAD_STATUS_LABEL[status]}
          </label>
        ))}
      </fieldset>
      <span className="flex items-center gap-1 text-xs text-slate-600">
        <label className="flex items-center gap-1">
          Last contact from
          <input type="date" value={state.from} onChange={(event) => onChange({ from: event.target.value })} className={selectClass} />
        </label>
        <label className="flex items-center gap-1">
          to
          <input type="date" value={state.to} onChange={(event) => onChange({ to: event.target.value })} className={selectClass} />
        </label>
      </span>
    </>
  );
}
