import useSWRInfinite from "swr/infinite";
import type { EventCounters, WebhookEventPage } from "@/lib/settings/list-events";
import { fetcher } from "@/lib/swr/fetcher";

export interface WebhookEventFilter {
  source?: string;
  status?: string;
}

type Page = WebhookEventPage & { counters: EventCounters };

export function webhookEventsUrl(filter: WebhookEventFilter, cursor?: string | null): string {
  const params = new URLSearchParams();
  if (filter.source) params.set("source", filter.source);
  if (filter.status) params.set("status", filter.status);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return `/api/settings/events${query ? `?${query}` : ""}`;
}

/** Cursor pages, newest first; the first page for "no filter" comes from the server render. */
export function useWebhookEvents(filter: WebhookEventFilter, firstPage: Page | null) {
  return useSWRInfinite<Page>(
    (index, previous: Page | null) => (index > 0 && !previous?.nextCursor ? null : webhookEventsUrl(filter, previous?.nextCursor)),
    fetcher,
    { fallbackData: firstPage ? [firstPage] : undefined, revalidateFirstPage: false },
  );
}
