"use client";

import { NotificationPrompt } from "@/components/notifications/notification-prompt";
import { useBrowserNotifications } from "@/components/notifications/use-browser-notifications";
import { useUnreadBadge } from "@/components/notifications/use-unread-badge";
import { usePreferences } from "@/lib/swr/use-preferences";

/** Mounted once in the app shell: the unread count in the tab, browser notifications, and the prompt to allow them. */
export function NotificationCenter({ userId }: { userId: string }) {
  const { preferences } = usePreferences();
  useUnreadBadge();
  const listening = useBrowserNotifications(userId, preferences);
  return (
    <div className="contents" data-testid="notification-center" data-listening={listening ? "true" : "false"}>
      {preferences && preferences.notificationLevel !== "NONE" ? <NotificationPrompt /> : null}
    </div>
  );
}
