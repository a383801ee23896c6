"use client";

import { useState } from "react";
import type { TeamMember } from "@/lib/inbox/api-types";
import { presetDays, REPORT_MAX_DAYS, type ReportPreset } from "@/lib/reports/report-range";
import { CHANNEL_LABEL } from "@/lib/reports/report-tables";
import { isValidCustomRange, type ReportsUrlState } from "@/lib/reports/reports-url";
import { REPORT_CHANNELS, type ReportChannel } from "@/lib/reports/summary-types";

const PRESET_LABEL: Record<ReportPreset, string> = { today: "Today", "7d": "7 days", "30d": "30 days", custom: "Custom" };

/** Date range (presets or two days), channel and — for admins — one agent. */
export function ReportFilters({
  state,
  onChange,
  team,
  isAdmin,
}: {
  state: ReportsUrlState;
  onChange: (next: ReportsUrlState) => void;
  team: TeamMember[];
  isAdmin: boolean;
}) {
  const [custom, setCustom] = useState({ from: state.from, to: state.to });
  const customValid = isValidCustomRange(custom.from, custom.to);

  const pick = (preset: ReportPreset) => {
    if (preset === "custom") onChange({ ...state, preset, ...custom });
    else onChange({ ...state, preset, ...presetDays(preset) });
  };

  return (
    <section aria-label="Filters" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
      <fieldset>
        <legend className="mb-1 text-xs font-medium text-slate-600">Range</legend>
        <div className="flex overflow-hidden rounded-md border border-slate-300">
          {(Object.keys(PRESET_LABEL) as ReportPreset[]).map((preset) => (
            <button
              key={preset}
              type="button"
              aria-pressed={state.preset === preset}
              onClick={() => pick(preset)}
              className={`px-3 py-1.5 text-sm ${state.preset === preset ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
            >
              {PRESET_LABEL[preset]}
            </button>
          ))}
        </div>
      </fieldset>
      {state.preset === "custom" ? (
        <form
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (customValid) onChange({ ...state, preset: "custom", ...custom });
          }}
        >
          <label className="flex flex-col text-xs font-medium text-slate-600">
            From
            <input
              type="date"
              value={custom.from}
              max={custom.to}
              onChange={(event) => setCustom({ ...custom, from: event.target.value })}
              className="mt-1 rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900"
            />
          </label>
          <label className="flex flex-col text-xs font-medium text-slate-600">
            To
            <input
              type="date"
              value={custom.to}
              min={custom.from}
              onChange={(event) => setCustom({ ...custom, to: event.target.value })}
              className="mt-1 rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900"
            />
          </label>
          {customValid ? null : (
            <p id="custom-range-issue" className="self-center text-xs text-red-700">
              Pick two days in order, at most {REPORT_MAX_DAYS} days apart.
            </p>
          )}
          <button type="submit" disabled={!customValid} aria-describedby={customValid ? undefined : "custom-range-issue"} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
            Apply
          </button>
        </form>
      ) : null}
      <div className="flex flex-col text-xs font-medium text-slate-600">
        <label htmlFor="report-channel">Channel</label>
        <select
          id="report-channel"
          value={state.channel ?? ""}
          onChange={(event) => onChange({ ...state, channel: (event.target.value || null) as ReportChannel | null })}
          className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900"
        >
          <option value="">All channels</option>
          {REPORT_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {CHANNEL_LABEL[channel]}
            </option>
          ))}
        </select>
      </div>
      {isAdmin ? (
        <div className="flex flex-col text-xs font-medium text-slate-600">
          <label htmlFor="report-agent">Agent</label>
          <select
            id="report-agent"
            value={state.userId ?? ""}
            onChange={(event) => onChange({ ...state, userId: event.target.value || null })}
            className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900"
          >
            <option value="">Everyone</option>
            {team.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </section>
  );
}
