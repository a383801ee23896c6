"use client";

import { createContext, useContext, type ReactNode } from "react";
import { useClientNow } from "@/components/ui/local-time";
import { slaSecondsBetween, type SlaHours } from "@/lib/speed-to-lead/sla-seconds";
import { waitedLabel, waitLevel } from "@/lib/speed-to-lead/wait-display";

/** What the badge needs of the team's settings: the target and the business hours its clock runs in. */
export interface SlaClock {
  targetMinutes: number;
  hours: SlaHours | null;
}

const SlaClockContext = createContext<SlaClock>({ targetMinutes: 15, hours: null });

export function SlaClockProvider({ value, children }: { value: SlaClock; children: ReactNode }) {
  return <SlaClockContext.Provider value={value}>{children}</SlaClockContext.Provider>;
}

const levelClass = {
  ok: "bg-slate-100 text-slate-700",
  warn: "bg-amber-100 text-amber-900",
  breach: "bg-red-100 text-red-800",
} as const;

/**
 * "waiting 12 min" while a customer waits for the team's answer, on the SLA clock (paused outside
 * business hours). Ticks with the shared client clock, without refetching; empty in the server's
 * HTML (the server's "now" is not the browser's).
 */
export function WaitingBadge({ since }: { since: string | null | undefined }) {
  const { targetMinutes, hours } = useContext(SlaClockContext);
  const now = useClientNow();
  if (!since || now === null) return null;
  const seconds = slaSecondsBetween(new Date(since), new Date(Math.max(now, Date.now())), hours);
  const level = waitLevel(seconds, targetMinutes);
  const label = waitedLabel(seconds);
  return (
    <span data-testid="waiting-badge" data-level={level} title={`Waiting ${label} for a reply (target ${targetMinutes} min)`}
      className={`inline-flex shrink-0 items-center rounded px-1.5 text-[11px] font-medium tabular-nums ${levelClass[level]}`}>
      waiting {label}
    </span>
  );
}
