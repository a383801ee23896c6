import type { InboxEvent } from "@/lib/realtime/types";

/** EventSource retries by itself on network errors, but gives up on an HTTP error (e.g. a restart's 502). */
const REOPEN_AFTER_MS = 5_000;

export interface InboxEventSubscriber {
  onEvent?(event: InboxEvent): void;
  /** (Re)connected: anything missed meanwhile should be refetched. */
  onOpen?(): void;
  onError?(): void;
}

/**
 * One `/api/inbox/events` connection per page, shared by everything that listens (the inbox's
 * caches, the notifications): browsers allow a handful of connections per origin across all tabs,
 * so each listener opening its own stream would run out. Opened with the first subscriber, closed
 * with the last.
 */
const subscribers = new Set<InboxEventSubscriber>();
let source: EventSource | null = null;
let reopenTimer: ReturnType<typeof setTimeout> | undefined;

export function subscribeInboxEvents(subscriber: InboxEventSubscriber): () => void {
  subscribers.add(subscriber);
  if (!source && reopenTimer === undefined) open();
  else if (source?.readyState === EventSource.OPEN) subscriber.onOpen?.();
  return () => {
    subscribers.delete(subscriber);
    if (subscribers.size > 0) return;
    source?.close();
    source = null;
    clearTimeout(reopenTimer);
    reopenTimer = undefined;
  };
}

function open() {
  reopenTimer = undefined;
  const current = new EventSource("/api/inbox/events");
  source = current;
  current.onopen = () => subscribers.forEach((subscriber) => subscriber.onOpen?.());
  current.onmessage = (message) => {
    let event: InboxEvent;
    try {
      event = JSON.parse(message.data) as InboxEvent;
    } catch {
      return;
    }
    subscribers.forEach((subscriber) => subscriber.onEvent?.(event));
  };
  current.onerror = () => {
    subscribers.forEach((subscriber) => subscriber.onError?.());
    if (current.readyState === EventSource.CLOSED && source === current) {
      current.close();
      source = null;
      reopenTimer = setTimeout(open, REOPEN_AFTER_MS);
    }
  };
}
