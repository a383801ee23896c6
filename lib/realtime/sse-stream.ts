import type { EventBus } from "@/lib/realtime/types";

export const SSE_HEARTBEAT_MS = 15_000;
/** How long the browser waits before reconnecting on its own after the stream drops. */
export const SSE_RETRY_MS = 2_000;

/**
 * The inbox's live stream in server-sent-events framing: one `data:` line of JSON per bus event,
 * a comment heartbeat so proxies and idle timeouts keep the connection, and a `retry:` hint.
 * Unsubscribes when the client goes away (abort) or the stream is cancelled, and ends when
 * `stillAllowed` says the viewer may no longer see the inbox (disabled, signed out everywhere):
 * asked before each event is sent and at each heartbeat, so not one event reaches them after that.
 */
export function inboxEventStream(
  bus: EventBus,
  signal: AbortSignal,
  heartbeatMs = SSE_HEARTBEAT_MS,
  stillAllowed: () => Promise<boolean> = async () => true,
): ReadableStream<Uint8Array> {
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
      // Checks run one after another, so events keep their order.
      let queue = Promise.resolve();
      const sendIfAllowed = (chunk: string) => {
        queue = queue.then(async () => {
          if (await stillAllowed().catch(() => false)) send(chunk);
          else stop();
        });
      };
      const unsubscribe = bus.subscribe((event) => sendIfAllowed(`data: ${JSON.stringify(event)}\n\n`));
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
