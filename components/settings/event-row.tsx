"use client";

import { useState } from "react";
import { ActionMessage, type ActionMessageValue } from "@/components/settings/action-message";
import { EventItemOutcomes } from "@/components/settings/event-item-outcomes";
import { Button } from "@/components/ui/button";
import type { WebhookEventRow } from "@/lib/settings/list-events";
import { requestJson } from "@/lib/swr/fetcher";
import { LocalTime } from "@/components/ui/local-time";
import { dateTimeLabel } from "@/lib/inbox/format";

const STATUS_TONES = {
  RECEIVED: "bg-sky-50 text-sky-700",
  PROCESSED: "bg-emerald-50 text-emerald-700",
  IGNORED: "bg-slate-100 text-slate-600",
  FAILED: "bg-red-50 text-red-700",
  PARTIAL: "bg-amber-50 text-amber-800",
} as const;

function pretty(rawBody: string): string {
  try {
    return JSON.stringify(JSON.parse(rawBody), null, 2);
  } catch {
    return rawBody;
  }
}

/**
 * The outcome is reported to the panel rather than shown in the row: a replayed event usually
 * leaves the filtered list (an IGNORED one becomes PROCESSED), and its message would vanish with it.
 */
export function EventRow({ event, onReplayed }: { event: WebhookEventRow; onReplayed: (outcome: ActionMessageValue) => void }) {
  const [replaying, setReplaying] = useState(false);
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  const canReplay = event.status === "FAILED" || event.status === "PARTIAL" || event.status === "IGNORED";

  async function replay() {
    setReplaying(true);
    setMessage(null);
    try {
      const outcome = await requestJson<{ status: string; error: string | null }>(`/api/settings/events/${event.id}/replay`, { method: "POST" });
      onReplayed(
        outcome.status === "FAILED" || outcome.status === "PARTIAL"
          ? { tone: "bad", text: `Replayed; ${outcome.status === "PARTIAL" ? "some items " : ""}failed again: ${outcome.error ?? "unknown error"}` }
          : { tone: "good", text: `Replayed: ${outcome.status.toLowerCase()}` },
      );
    } catch (error) {
      setMessage({ tone: "bad", text: error instanceof Error ? error.message : "Replay did not work" });
    } finally {
      setReplaying(false);
    }
  }

  return (
    <li data-testid={`event-${event.id}`} className="px-4 py-3">
      <details className="group">
        <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 rounded text-sm hover:bg-slate-50">
          <span aria-hidden className="inline-block w-3 text-slate-500 transition-transform group-open:rotate-90">▸</span>
          <span data-testid="event-status" className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STATUS_TONES[event.status]}`}>{event.status}</span>
          <span className="font-medium text-slate-900">{event.sourceLabel}</span>
          {event.kind ? <span data-testid="event-type" className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{event.kind}</span> : null}
          {event.sender ? <span data-testid="event-sender" className="text-slate-700">from {event.sender}</span> : null}
          <LocalTime iso={event.receivedAt} format={dateTimeLabel} className="text-slate-600" />
          <span className="text-xs text-slate-500">
            {event.attempts} attempt{event.attempts === 1 ? "" : "s"}
            {event.signatureValid ? "" : " · signature invalid"}
          </span>
          {event.itemOutcomes && event.itemOutcomes.failedCount > 0 ? (
            <span data-testid="event-failed-count" className="text-xs font-medium text-red-700">
              {event.itemOutcomes.failedCount} of {event.itemOutcomes.items} items failed
            </span>
          ) : null}
          {event.error ? <span className="min-w-0 flex-1 truncate text-xs text-red-700">{event.error}</span> : null}
          <span className="ml-auto text-xs text-brand-700 underline group-open:hidden">Show body</span>
        </summary>
        <div className="mt-3 space-y-3">
          {event.error ? (
            <div>
              <h4 className="text-xs font-medium uppercase tracking-wide text-slate-500">Error</h4>
              <pre className="mt-1 whitespace-pre-wrap break-words rounded-md bg-red-50 p-3 text-xs text-red-800">{event.error}</pre>
            </div>
          ) : null}
          {event.itemOutcomes ? <EventItemOutcomes outcomes={event.itemOutcomes} /> : null}
          <div>
            <h4 className="text-xs font-medium uppercase tracking-wide text-slate-500">Raw body</h4>
            <pre className="mt-1 max-h-96 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100" data-testid="event-raw-body">{pretty(event.rawBody)}</pre>
          </div>
        </div>
      </details>
      {canReplay || message ? (
        <div className="mt-2 flex flex-wrap items-center gap-3">
          {canReplay ? (
            <Button variant="secondary" className="py-1" disabled={replaying} onClick={() => void replay()}>
              {replaying ? "Replaying…" : "Replay"}
            </Button>
          ) : null}
          <ActionMessage message={message} />
        </div>
      ) : null}
    </li>
  );
}
