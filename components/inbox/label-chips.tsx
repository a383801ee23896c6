"use client";

import type { LabelJson } from "@/lib/labels/conversation-labels";
import { useLabels } from "@/lib/swr/use-labels";

/** A conversation's labels as small coloured chips (list rows and the thread header). */
export function LabelChips({ labels, className = "mt-1" }: { labels: LabelJson[] | undefined; className?: string }) {
  if (!labels || labels.length === 0) return null;
  return (
    <span className={`flex flex-wrap gap-1 ${className}`} data-testid="label-chips">
      {labels.map((label) => (
        <span key={label.id} data-testid="label-chip" className="inline-flex items-center gap-1 whitespace-nowrap rounded-full border border-slate-200 bg-white px-1.5 text-[11px] font-medium text-slate-700">
          <span aria-hidden className="h-2 w-2 rounded-full" style={{ backgroundColor: label.color }} />
          {label.name}
        </span>
      ))}
    </span>
  );
}

/** The list's label filter (`label=<id>` in the URL); hidden while the team has no labels. */
export function LabelFilter({ value, onChange }: { value: string | null | undefined; onChange: (label: string | null) => void }) {
  const { data } = useLabels();
  const labels = data?.labels ?? [];
  if (labels.length === 0 && !value) return null;
  return (
    <>
      <label className="sr-only" htmlFor="inbox-label-filter">Label</label>
      <select id="inbox-label-filter" value={value ?? ""} onChange={(event) => onChange(event.target.value || null)}
        className="w-[7.5rem] shrink-0 rounded-md border border-slate-200 bg-white py-1.5 pl-2 text-sm text-slate-700 hover:border-slate-300">
        <option value="">All labels</option>
        {labels.map((label) => (
          <option key={label.id} value={label.id}>{label.name}</option>
        ))}
      </select>
    </>
  );
}
