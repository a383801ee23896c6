"use client";

import { useSyncExternalStore } from "react";
import { shortTime } from "@/lib/inbox/format";

const subscribeToMinutes = (onChange: () => void) => {
  const timer = setInterval(onChange, 60_000);
  return () => clearInterval(timer);
};
const currentMinute = () => Math.floor(Date.now() / 60_000);
/** The server (and hydration) render no relative time: "5m" on the server would be "6m" by the time it hydrates. */
const noTimeOnServer = () => null;

/** "5m", "3h", "Yesterday" since `iso`, ticking each minute; empty until the page has hydrated. */
export function TimeSince({ iso, className }: { iso: string | null; className?: string }) {
  const minute = useSyncExternalStore(subscribeToMinutes, currentMinute, noTimeOnServer);
  if (!iso) return null;
  return (
    <time dateTime={iso} title={new Date(iso).toUTCString()} className={className} suppressHydrationWarning>
      {minute === null ? "" : shortTime(iso, new Date(minute * 60_000))}
    </time>
  );
}
