import type { EventBus, InboxEvent } from "@/lib/realtime/types";

export const SSE_HEARTBEAT_MS = 15_000;
/** How long the browser waits before reconnecting on its own after the stream drops. */
export const SSE_RETRY_MS = 2_000;

/**
 * The inbox's live stream in server-sent-events framing: one `data:` line of JSON per bus event,
 * a comment heartbeat so proxies and idle timeouts keep the connection, and a `retry:` hint.
 * Unsubscribes when the client goes away (abort) or the stream is cancelled, and ends when
 * `stillAllowed` says the viewer may no longer see the inbox (disabled, signed out everywhere):
 * asked before each event is sent and at each heartbeat, so not one event reaches them after that.
 * `filter` drops events this listener may not hear of (an agent, another rep's conversation).
 */
export function inboxEventStream(
  bus: EventBus,
  signal: AbortSignal,
  options: {
    heartbeatMs?: number;
    filter?: (event: InboxEvent) => Promise<boolean>;
    stillAllowed?: () => Promise<boolean>;
  } = {},
): ReadableStream<Uint8Array> {
  const { heartbeatMs = SSE_HEARTBEAT_MS, filter = async () => true, stillAllowed = async () => true } = options;
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
      // Checks run one after another, so a slow check never lets a later event overtake an earlier
      // one; a failed filter drops the event, a failed access check ends the stream.
      let queue = Promise.resolve();
      const sendIfAllowed = (chunk: string, wanted: () => Promise<boolean> = async () => true) => {
        queue = queue.then(async () => {
          if (!(await stillAllowed().catch(() => false))) return stop();
          if (await wanted().catch(() => false)) send(chunk);
        });
      };
      const unsubscribe = bus.subscribe((event) => sendIfAllowed(`data: ${JSON.stringify(event)}\n\n`, () => filter(event)));
      const heartbeat = setInterval(() => sendIfAllowed(`: heartbeat ${Date.now()}\n\n`), heartbeatMs);
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
