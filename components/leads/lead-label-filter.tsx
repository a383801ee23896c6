"use client";

import { useLabels } from "@/lib/swr/use-labels";

/** Leads whose conversations carry a label; hidden while the team has none. */
export function LeadLabelFilter({ value, onChange, selectClass }: { value: string | undefined; onChange: (label: string | undefined) => void; selectClass: string }) {
  const labels = useLabels().data?.labels ?? [];
  if (labels.length === 0 && !value) return null;
  return (
    <label>
      <span className="sr-only">Label</span>
      <select value={value ?? ""} onChange={(event) => onChange(event.target.value || undefined)} className={selectClass} data-testid="lead-label-filter">
        <option value="">Any label</option>
        {labels.map((label) => <option key={label.id} value={label.id}>{label.name}</option>)}
      </select>
    </label>
  );
}
