"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { inboxHref, parseInboxUrl, type InboxUrlState } from "@/lib/inbox/inbox-url";

/**
 * The inbox's state as the address bar has it right now. Callbacks that run later (a timer, a live
 * event, the second half of an await) read this instead of a copy taken at render time.
 */
export function currentInboxUrl(): InboxUrlState {
  return parseInboxUrl(new URLSearchParams(window.location.search));
}

/**
 * The inbox's URL state (tab, view, search, open conversation) and a way to change it. Changes go
 * through the History API: Next keeps useSearchParams in sync without a server round trip.
 */
export function useInboxUrl() {
  const searchParams = useSearchParams();
  const state = useMemo(() => parseInboxUrl(searchParams), [searchParams]);
  const navigate = useCallback((next: Partial<InboxUrlState>, mode: "push" | "replace" = "push") => {
    const href = inboxHref({ ...currentInboxUrl(), ...next });
    if (mode === "push") window.history.pushState(null, "", href);
    else window.history.replaceState(null, "", href);
  }, []);
  return { state, navigate };
}
