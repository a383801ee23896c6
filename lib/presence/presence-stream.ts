import type { Viewer } from "./presence-registry";
import { joinConversation, onPresenceChange, viewersOf } from "./presence-hub";

const KEEPALIVE_MS = 15_000;
const RETRY_MS = 2_000;

/**
 * The presence stream of one tab on one conversation, in server-sent-events framing: each `data:`
 * line is the whole list of other staff on it (`{ viewers: [{ userId, userName, typing }] }`), sent
 * at once and whenever it changes. While the stream is open the tab counts as viewing; when it ends
 * (tab closed, conversation switched, access lost) the tab leaves. `stillAllowed` is asked at every
 * keepalive, so a viewer who loses access (disabled, reassigned away) is cut off within seconds.
 */
export function presenceStream(
  input: { conversationId: string; connectionId: string; user: { id: string; name: string } },
  signal: AbortSignal,
  stillAllowed: () => Promise<boolean>,
): ReadableStream<Uint8Array> {
  const { conversationId, connectionId, user } = input;
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let stopped = false;
      let last = "";
      const send = (chunk: string) => {
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          stop();
        }
      };
      const sendViewers = () => {
        const viewers: Viewer[] = viewersOf(conversationId, user.id);
        const payload = JSON.stringify({ viewers });
        if (payload === last) return;
        last = payload;
        send(`data: ${payload}\n\n`);
      };
      send(`retry: ${RETRY_MS}\n: connected\n\n`);
      const unsubscribe = onPresenceChange(conversationId, sendViewers);
      const leave = await joinConversation({ conversationId, connectionId, userId: user.id, userName: user.name });
      sendViewers();
      const keepalive = setInterval(() => {
        void stillAllowed()
          .catch(() => false)
          .then((allowed) => {
            if (!allowed) return stop();
            send(`: keepalive ${Date.now()}\n\n`);
            // A teammate whose instance died expires rather than leaves: notice it here.
            sendViewers();
          });
      }, KEEPALIVE_MS);
      stop = () => {
        if (stopped) return;
        stopped = true;
        clearInterval(keepalive);
        unsubscribe();
        void leave();
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
