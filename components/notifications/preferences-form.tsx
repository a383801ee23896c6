"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { usePreferences } from "@/lib/swr/use-preferences";
import type { NotificationLevel, UpdatePreferencesInput } from "@/lib/validations/preferences";

const LEVELS: Array<{ value: NotificationLevel; label: string; hint: string }> = [
  { value: "ALL", label: "All new messages", hint: "Every conversation you can see." },
  { value: "MINE_AND_UNASSIGNED", label: "Mine and unassigned", hint: "Conversations assigned to you, and ones nobody has yet." },
  { value: "NONE", label: "None", hint: "No browser notifications." },
];

type Permission = NotificationPermission | "unsupported";

/** The signed-in person's own notification level, sound and Away; each change is saved at once. */
export function PreferencesForm() {
  const { preferences, save } = usePreferences();
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [permission, setPermission] = useState<Permission | null>(null);

  useEffect(() => {
    setPermission(typeof Notification === "undefined" ? "unsupported" : Notification.permission);
  }, []);

  if (!preferences) return <p className="text-sm text-slate-500" aria-busy>Loading your preferences…</p>;

  const change = async (changes: UpdatePreferencesInput) => {
    setStatus(null);
    try {
      await save(changes);
      setStatus({ text: "Saved" });
    } catch (error) {
      setStatus({ text: error instanceof Error ? error.message : "Could not save", error: true });
    }
  };
  const away = preferences.awayAt !== null;

  return (
    <div className="space-y-6">
      <fieldset className="space-y-2">
        <legend className="font-medium">Browser notifications</legend>
        {LEVELS.map((level) => (
          <label key={level.value} className="flex items-start gap-2 text-sm">
            <input type="radio" name="notificationLevel" value={level.value} className="mt-1" checked={preferences.notificationLevel === level.value}
              onChange={() => void change({ notificationLevel: level.value })} />
            <span>
              <span className="font-medium text-slate-900">{level.label}</span>
              <span className="block text-slate-600">{level.hint}</span>
            </span>
          </label>
        ))}
        <BrowserPermission permission={permission} onChange={setPermission} />
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={preferences.notificationSound} onChange={(event) => void change({ notificationSound: event.target.checked })} />
        Play a sound with each notification
      </label>
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={away} onChange={(event) => void change({ away: event.target.checked })} data-testid="away-toggle" />
          <span className="font-medium text-slate-900">Away</span>
        </label>
        <p className="text-sm text-slate-600">
          {away ? "You are away: new conversations are not assigned to you automatically." : "While away, automatic assignment passes you by."}
        </p>
      </div>
      <p role="status" aria-live="polite" className={`min-h-5 text-sm ${status?.error ? "text-red-700" : "text-slate-600"}`}>{status?.text}</p>
    </div>
  );
}

function BrowserPermission({ permission, onChange }: { permission: Permission | null; onChange: (permission: Permission) => void }) {
  if (permission === null || permission === "granted") return null;
  if (permission === "unsupported") return <p className="text-sm text-slate-600">This browser does not show notifications.</p>;
  if (permission === "denied") {
    return <p className="text-sm text-amber-800">Notifications are blocked for this site in your browser. Allow them in the browser&apos;s site settings.</p>;
  }
  return (
    <Button variant="secondary" className="mt-1" onClick={() => void Notification.requestPermission().then(onChange)}>
      Allow notifications in this browser
    </Button>
  );
}
