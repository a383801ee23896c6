"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { BrowserNotification } from "@/lib/notifications/build-notification";
import { subscribeInboxEvents } from "@/lib/realtime/browser-event-source";
import type { InboxEvent } from "@/lib/realtime/types";
import { requestJson } from "@/lib/swr/fetcher";
import type { PreferencesJson } from "@/lib/swr/use-preferences";
import { playChime } from "@/components/notifications/play-chime";

/** The conversation open in this tab, if any (the inbox keeps it in `?c=`). */
function openConversationId(): string | null {
  return window.location.pathname === "/inbox" ? new URLSearchParams(window.location.search).get("c") : null;
}

/** Nothing to tell when the person is looking at that very conversation. */
function isInView(conversationId: string): boolean {
  return document.visibilityState === "visible" && openConversationId() === conversationId;
}

/**
 * Browser notifications from the live stream: a customer's new message (per the user's level; the
 * server decides, since it knows the assignee and what this user may see) and an SLA breach naming
 * this user. Events carry ids only: the text comes from /api/me/notifications/…. Clicking one
 * focuses the tab and opens the conversation. Answers whether it is listening (the stream is open).
 */
export function useBrowserNotifications(userId: string, preferences: PreferencesJson | undefined): boolean {
  const [listening, setListening] = useState(false);
  const router = useRouter();
  const level = preferences?.notificationLevel;
  const routerRef = useRef(router);
  routerRef.current = router;

  useEffect(() => {
    if (!level || level === "NONE" || typeof Notification === "undefined") return;
    const show = (notification: BrowserNotification) => {
      if (Notification.permission !== "granted" || isInView(notification.conversationId)) return;
      const shown = new Notification(notification.title, { body: notification.body, tag: notification.conversationId, icon: "/icons/icon-192.png" });
      shown.onclick = () => {
        window.focus();
        routerRef.current.push(`/inbox?c=${encodeURIComponent(notification.conversationId)}`);
        shown.close();
      };
      if (notification.sound) playChime();
    };
    const ask = (url: string) =>
      requestJson<{ notification: BrowserNotification | null }>(url)
        .then(({ notification }) => notification && show(notification))
        // Gone or no longer visible to this user meanwhile: nothing to show.
        .catch(() => {});
    const onEvent = (event: InboxEvent) => {
      if (Notification.permission !== "granted") return;
      if (event.type === "message.created" && !isInView(event.conversationId)) ask(`/api/me/notifications/messages/${encodeURIComponent(event.messageId)}`);
      if (event.type === "sla.breached" && event.userIds.includes(userId)) ask(`/api/me/notifications/conversations/${encodeURIComponent(event.conversationId)}`);
    };
    const unsubscribe = subscribeInboxEvents({ onEvent, onOpen: () => setListening(true), onError: () => setListening(false) });
    return () => {
      unsubscribe();
      setListening(false);
    };
  }, [level, userId]);
  return listening;
}
