"use client";

import { useEffect, useState } from "react";
import { tabConnectionId } from "./tab-connection-id";

interface Viewer {
  userId: string;
  userName: string;
  typing: boolean;
}

/** EventSource gives up on an HTTP error (a restart's 502); try again after this long. */
const REOPEN_AFTER_MS = 5_000;

/**
 * "Ana is viewing" / "Ana is typing…" above the composer, for the other staff on this conversation.
 * Holding the presence stream open is what makes this tab count as viewing; it closes when the
 * thread does (or the tab), and teammates see us leave at once.
 */
export function ThreadPresence({ conversationId }: { conversationId: string }) {
  const [viewers, setViewers] = useState<Viewer[]>([]);

  useEffect(() => {
    let source: EventSource | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      source = new EventSource(`/api/inbox/conversations/${conversationId}/presence?connectionId=${tabConnectionId()}`);
      source.onmessage = (message) => {
        try {
          setViewers((JSON.parse(message.data) as { viewers: Viewer[] }).viewers);
        } catch {
          // A malformed frame changes nothing; the next one carries the whole list again.
        }
      };
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED) return;
        source.close();
        setViewers([]);
        reopenTimer = setTimeout(open, REOPEN_AFTER_MS);
      };
    };
    open();
    return () => {
      source?.close();
      clearTimeout(reopenTimer);
      setViewers([]);
    };
  }, [conversationId]);

  const text = describe(viewers);
  return (
    <p role="status" aria-live="polite" data-testid="thread-presence"
      className={text ? "shrink-0 border-t border-slate-200 bg-white px-4 py-1 text-xs text-slate-600" : "sr-only"}>
      {text ? (
        <>
          <span aria-hidden className={`mr-1.5 inline-block h-2 w-2 rounded-full ${viewers.some((viewer) => viewer.typing) ? "animate-pulse bg-amber-500" : "bg-emerald-500"}`} />
          {text}
        </>
      ) : null}
    </p>
  );
}

function names(list: Viewer[]): string {
  const all = list.map((viewer) => viewer.userName);
  return all.length <= 2 ? all.join(" and ") : `${all.slice(0, -1).join(", ")} and ${all.at(-1)}`;
}

function describe(viewers: Viewer[]): string {
  const typing = viewers.filter((viewer) => viewer.typing);
  const viewing = viewers.filter((viewer) => !viewer.typing);
  const parts: string[] = [];
  if (typing.length > 0) parts.push(`${names(typing)} ${typing.length === 1 ? "is" : "are"} typing…`);
  if (viewing.length > 0) parts.push(`${names(viewing)} ${viewing.length === 1 ? "is" : "are"} viewing`);
  return parts.join(" · ");
}
