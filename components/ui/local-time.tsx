"use client";

import { useSyncExternalStore } from "react";

/**
 * Times are rendered in the browser only. The server neither knows the reader's time zone and
 * locale ("12:44 PM" on the server, "09:44" in Lisbon) nor the moment the page hydrates ("7m"
 * becomes "8m"), and any difference is a hydration error (React #418). During hydration React
 * uses the server snapshot (null), so both sides render the same placeholder; the browser then
 * fills in its own local time and keeps relative times current with a shared minute clock.
 */

const TICK_MS = 30_000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((notify) => notify()), TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const clientTick = () => Math.floor(Date.now() / TICK_MS) * TICK_MS;
const serverTick = () => null;

/** The browser's clock (to the half minute), or null while rendering on the server and hydrating. */
export function useClientNow(): number | null {
  return useSyncExternalStore(subscribe, clientTick, serverTick);
}

/** A `<time>` whose text is formatted in the browser; empty in the server's HTML. */
export function LocalTime({ iso, format, className }: { iso: string; format: (iso: string, now: Date) => string; className?: string }) {
  const now = useClientNow();
  return (
    <time dateTime={iso} className={className}>
      {now === null ? "" : format(iso, new Date(now))}
    </time>
  );
}
