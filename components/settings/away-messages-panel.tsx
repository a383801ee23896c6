"use client";

import { useState, type FormEvent } from "react";
import { useSWRConfig } from "swr";
import { ActionMessage } from "@/components/settings/action-message";
import { useAction } from "@/components/settings/use-action";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { AwayMessageSettings } from "@/lib/away-message/away-message-settings";
import { requestJson } from "@/lib/swr/fetcher";
import { auditLogKey } from "@/lib/swr/use-audit-log";
import { awayMessageSchema } from "@/lib/validations/away-message";
import { toDays, toSchedule, WeeklyHoursFields } from "./weekly-hours-fields";

/** A channel's away message: on/off, the text, the time zone and the weekly business hours. */
export function AwayMessagesPanel({ initial }: { initial: AwayMessageSettings }) {
  const { mutate } = useSWRConfig();
  const [enabled, setEnabled] = useState(initial.enabled);
  const [days, setDays] = useState(() => toDays(initial.schedule));
  const [invalid, setInvalid] = useState<string | null>(null);
  const { pending, message, run } = useAction();
  const id = `away-${initial.channel}`;

  function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget).entries());
    const parsed = awayMessageSchema.safeParse({ enabled, text: values.text, timeZone: values.timeZone, schedule: toSchedule(days) });
    setInvalid(parsed.success ? null : (parsed.error.issues[0]?.message ?? "Check the form"));
    if (!parsed.success) return;
    void run(async () => {
      await requestJson(`/api/settings/away-messages/${initial.channel}`, { method: "PUT", body: parsed.data });
      void mutate(auditLogKey("away-message"));
    }, "Saved.");
  }

  return (
    <form onSubmit={onSave} noValidate aria-label={`${initial.channelLabel} away message`} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-center justify-between gap-3">
        <h3 className="text-sm font-semibold text-slate-900">{initial.channelLabel}</h3>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          Send an away message
        </label>
      </div>
      <label htmlFor={`${id}-text`} className="mt-3 mb-1 block text-sm font-medium text-slate-700">Message</label>
      <textarea id={`${id}-text`} name="text" defaultValue={initial.text} rows={3} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      <TextField id={`${id}-zone`} name="timeZone" label="Time zone (IANA, e.g. Europe/Lisbon)" defaultValue={initial.timeZone} className="mt-3 max-w-sm" />
      <WeeklyHoursFields days={days} onChange={setDays} />
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>Save</Button>
        <ActionMessage message={invalid ? { tone: "bad", text: invalid } : message} />
      </div>
    </form>
  );
}
