import type { EventBus, InboxEvent } from "@/lib/realtime/types";

export const SSE_HEARTBEAT_MS = 15_000;
/** How long the browser waits before reconnecting on its own after the stream drops. */
export const SSE_RETRY_MS = 2_000;

/**
 * The inbox's live stream in server-sent-events framing: one `data:` line of JSON per bus event,
 * a comment heartbeat so proxies and idle timeouts keep the connection, and a `retry:` hint.
 * Unsubscribes when the client goes away (abort) or the stream is cancelled. `filter` drops events
 * this listener may not hear of (an agent, another rep's conversation), keeping the order of the rest.
 */
export function inboxEventStream(
  bus: EventBus,
  signal: AbortSignal,
  options: { heartbeatMs?: number; filter?: (event: InboxEvent) => Promise<boolean> } = {},
): ReadableStream<Uint8Array> {
  const { heartbeatMs = SSE_HEARTBEAT_MS, filter } = options;
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (chunk: string) => {
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          stop();
        }
      };
      send(`retry: ${SSE_RETRY_MS}\n: connected\n\n`);
      let pending: Promise<unknown> = Promise.resolve();
      const deliver = (event: InboxEvent) => send(`data: ${JSON.stringify(event)}\n\n`);
      const unsubscribe = bus.subscribe((event) => {
        if (!filter) return deliver(event);
        // Chained, so a slow check never lets a later event overtake an earlier one; a failed check drops the event.
        pending = pending.then(() => filter(event)).then((allowed) => {
          if (allowed) deliver(event);
        }, () => undefined);
      });
      const heartbeat = setInterval(() => send(`: heartbeat ${Date.now()}\n\n`), heartbeatMs);
      stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      if (signal.aborted) stop();
      else signal.addEventListener("abort", () => stop(), { once: true });
    },
    cancel() {
      stop();
    },
  });
}
