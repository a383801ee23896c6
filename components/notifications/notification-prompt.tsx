"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

const DISMISSED_KEY = "inbox.notifications-prompt-dismissed";

/**
 * Asks for the browser's permission only when the person chooses to (a browser prompt on load is
 * blocked by browsers and resented by people). Shown while the permission is undecided and the
 * person has not said "Not now"; after either answer it stays away.
 */
export function NotificationPrompt() {
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    // Browser-only facts, read after hydration so the server's HTML and the first render agree.
    const undecided = typeof Notification !== "undefined" && Notification.permission === "default";
    setVisible(undecided && window.localStorage.getItem(DISMISSED_KEY) !== "1");
  }, []);

  if (!visible) return null;
  const turnOn = async () => {
    await Notification.requestPermission();
    setVisible(false);
  };
  const dismiss = () => {
    window.localStorage.setItem(DISMISSED_KEY, "1");
    setVisible(false);
  };
  return (
    <div role="region" aria-label="Notifications" className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-brand-100 bg-brand-50 px-3 py-1.5 text-sm text-slate-800 sm:px-4">
      <p className="min-w-0 flex-1">
        Get a notification when a customer writes while you are in another tab.{" "}
        <Link href="/account/notifications" className="text-brand-700 underline">Preferences</Link>
      </p>
      <Button onClick={() => void turnOn()} className="px-2 py-1 text-xs" data-testid="enable-notifications">Turn on notifications</Button>
      <Button variant="ghost" onClick={dismiss} className="px-2 py-1 text-xs">Not now</Button>
    </div>
  );
}
