"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import useSWR from "swr";
import { faviconWithCount, titleWithCount } from "@/lib/notifications/document-badge";
import { subscribeInboxEvents } from "@/lib/realtime/browser-event-source";
import { requestJson } from "@/lib/swr/fetcher";

/** The list's first page of one row carries the unread counts (what this user may see). */
const UNREAD_KEY = "/api/inbox/conversations?limit=1";
/** Messages arrive in bursts: one count request per burst. */
const COALESCE_MS = 300;
const BADGE_ID = "unread-favicon";

/**
 * Conversations with unread messages, in the tab's title and icon, on every page of the app, kept
 * live by the event stream. Next sets the title on navigation, so it is written again then.
 */
export function useUnreadBadge(): number {
  const { data, mutate } = useSWR<{ unreadCounts?: { all: number } }>(UNREAD_KEY, requestJson);
  const count = data?.unreadCounts?.all ?? 0;
  const pathname = usePathname();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        void mutate();
      }, COALESCE_MS);
    };
    const unsubscribe = subscribeInboxEvents({
      onOpen: refresh,
      onEvent: (event) => {
        if (event.type === "conversation.updated" || event.type === "message.created") refresh();
      },
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [mutate]);

  useEffect(() => {
    // After Next's own title update for this page (it runs in the same commit).
    const apply = () => {
      document.title = titleWithCount(document.title, count);
      const href = count > 0 ? faviconWithCount(count) : null;
      const existing = document.getElementById(BADGE_ID);
      if (!href) return existing?.remove();
      const link = existing instanceof HTMLLinkElement ? existing : Object.assign(document.createElement("link"), { id: BADGE_ID, rel: "icon", type: "image/png" });
      link.href = href;
      if (!existing) document.head.appendChild(link);
    };
    const frame = requestAnimationFrame(apply);
    return () => cancelAnimationFrame(frame);
  }, [count, pathname]);

  return count;
}
