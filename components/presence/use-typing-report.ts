import { useEffect, useRef } from "react";
import { tabConnectionId } from "./tab-connection-id";

/** While keys keep coming, tell the server again this often (teammates' "typing…" and the customer's indicator). */
const REPORT_EVERY_MS = 3_000;
/** No key for this long: stopped typing (abandoned, or sent — the server tells the two apart). */
const IDLE_AFTER_MS = 5_000;

function report(conversationId: string, typing: boolean) {
  // keepalive: the "stopped" report of a closing tab still goes out. Failures only cost a stale indicator.
  void fetch(`/api/inbox/conversations/${conversationId}/presence`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ connectionId: tabConnectionId(), typing }),
    keepalive: true,
  }).catch(() => undefined);
}

/** Reports the composer's typing for `conversationId` as `text` changes; never blocks the input. */
export function useTypingReport(conversationId: string, text: string) {
  const lastReport = useRef(0);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const previous = useRef(text);

  useEffect(() => {
    if (text === previous.current) return;
    previous.current = text;
    // Clearing the box (a send) is not typing; the idle timer reports the stop.
    if (text.trim() !== "" && Date.now() - lastReport.current >= REPORT_EVERY_MS) {
      lastReport.current = Date.now();
      report(conversationId, true);
    }
    clearTimeout(idleTimer.current);
    if (lastReport.current === 0) return;
    idleTimer.current = setTimeout(() => {
      lastReport.current = 0;
      report(conversationId, false);
    }, IDLE_AFTER_MS);
  }, [conversationId, text]);

  useEffect(
    () => () => {
      clearTimeout(idleTimer.current);
      if (lastReport.current !== 0) report(conversationId, false);
      lastReport.current = 0;
    },
    [conversationId],
  );
}
