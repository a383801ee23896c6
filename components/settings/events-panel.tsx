"use client";

import { channelCatalog } from "@/lib/channels/catalog";
import { useState } from "react";
import { useSWRConfig } from "swr";
import { ActionMessage, type ActionMessageValue } from "@/components/settings/action-message";
import { EventRow } from "@/components/settings/event-row";
import { Button } from "@/components/ui/button";
import type { EventCounters, WebhookEventPage } from "@/lib/settings/list-events";
import { auditLogKey } from "@/lib/swr/use-audit-log";
import { useWebhookEvents, type WebhookEventFilter } from "@/lib/swr/use-webhook-events";

type FirstPage = WebhookEventPage & { counters: EventCounters };

export function EventsPanel({ initial }: { initial: FirstPage }) {
  const [filter, setFilter] = useState<WebhookEventFilter>({});
  const unfiltered = !filter.source && !filter.status;
  const { data, size, setSize, isLoading, isValidating, mutate } = useWebhookEvents(filter, unfiltered ? initial : null);
  const { mutate: mutateKey } = useSWRConfig();
  const [replayOutcome, setReplayOutcome] = useState<ActionMessageValue | null>(null);
  const pages = data ?? [];
  const events = pages.flatMap((page) => page.events);
  const counters = pages[0]?.counters ?? initial.counters;
  const hasMore = Boolean(pages[pages.length - 1]?.nextCursor);

  const select = (key: keyof WebhookEventFilter, label: string, options: [string, string][]) => (
    <div>
      <label htmlFor={`filter-${key}`} className="mb-1 block text-xs font-medium uppercase tracking-wide text-slate-500">{label}</label>
      <select
        id={`filter-${key}`}
        value={filter[key] ?? ""}
        onChange={(event) => setFilter((current) => ({ ...current, [key]: event.target.value || undefined }))}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-4 sm:max-w-md">
        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Received, last 24 h</dt>
          <dd className="mt-1 text-2xl font-semibold text-slate-900" data-testid="received-24h">{counters.received24h}</dd>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">With failed items, last 24 h</dt>
          <dd className={`mt-1 text-2xl font-semibold ${counters.failed24h > 0 ? "text-red-700" : "text-slate-900"}`} data-testid="failed-24h">
            {counters.failed24h}
          </dd>
        </div>
      </dl>

      <div className="flex flex-wrap items-end gap-3">
        {select("source", "Channel", [["", "All channels"], ...channelCatalog.map((meta): [string, string] => [meta.key, meta.label])])}
        {select("status", "Status", [["", "Any status"], ["FAILED", "Failed"], ["PARTIAL", "Partial (some items failed)"], ["IGNORED", "Ignored"], ["PROCESSED", "Processed"], ["RECEIVED", "Received"]])}
        <Button variant="ghost" onClick={() => void mutate()} disabled={isValidating}>{isValidating ? "Refreshing…" : "Refresh"}</Button>
      </div>

      <div data-testid="replay-outcome">
        <ActionMessage message={replayOutcome} />
      </div>
      <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
        {events.length === 0 ? (
          <p className="p-5 text-sm text-slate-500">{isLoading ? "Loading…" : "No webhook events match."}</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Webhook events">
            {events.map((event) => (
              <EventRow
                key={event.id}
                event={event}
                onReplayed={(outcome) => {
                  setReplayOutcome(outcome);
                  void mutate();
                  void mutateKey(auditLogKey("event"));
                }}
              />
            ))}
          </ul>
        )}
      </div>
      {hasMore ? (
        <Button variant="secondary" onClick={() => void setSize(size + 1)} disabled={isValidating}>
          Load older events
        </Button>
      ) : null}
    </div>
  );
}
