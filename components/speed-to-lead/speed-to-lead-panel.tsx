"use client";

import { useState, type FormEvent } from "react";
import { ActionMessage } from "@/components/settings/action-message";
import { useAction } from "@/components/settings/use-action";
import { toDays, toSchedule, WeeklyHoursFields } from "@/components/settings/weekly-hours-fields";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { SlaSettings } from "@/lib/speed-to-lead/sla-settings";
import { requestJson } from "@/lib/swr/fetcher";
import { speedToLeadSettingsSchema } from "@/lib/validations/speed-to-lead";

const WEEKDAYS_9_TO_18 = [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "18:00" }));

/** The SLA target, its optional business hours, and the reassign / auto-assign switches. */
export function SpeedToLeadPanel({ initial }: { initial: SlaSettings }) {
  const [useHours, setUseHours] = useState(initial.hours !== null);
  const [days, setDays] = useState(() => toDays(initial.hours?.schedule ?? WEEKDAYS_9_TO_18));
  const [reassign, setReassign] = useState(initial.reassign);
  const [autoAssign, setAutoAssign] = useState(initial.autoAssign);
  const [invalid, setInvalid] = useState<string | null>(null);
  const { pending, message, run } = useAction();

  function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget).entries());
    const parsed = speedToLeadSettingsSchema.safeParse({
      slaTargetMinutes: Number(values.slaTargetMinutes),
      slaBusinessHours: useHours ? { timeZone: String(values.timeZone ?? ""), schedule: toSchedule(days) } : null,
      slaReassign: reassign,
      autoAssign,
    });
    setInvalid(parsed.success ? null : (parsed.error.issues[0]?.message ?? "Check the form"));
    if (!parsed.success) return;
    void run(async () => {
      await requestJson("/api/settings/speed-to-lead", { method: "PUT", body: parsed.data });
    }, "Saved.");
  }

  return (
    <form onSubmit={onSave} noValidate aria-label="Speed to lead" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <TextField id="sla-target" name="slaTargetMinutes" type="number" min={1} label="First-response target (minutes)" defaultValue={String(initial.targetMinutes)} className="max-w-xs" />
      <label className="mt-4 flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={useHours} onChange={(event) => setUseHours(event.target.checked)} />
        Count only business hours (the clock pauses outside them)
      </label>
      {useHours ? (
        <>
          <TextField id="sla-zone" name="timeZone" label="Time zone (IANA, e.g. Europe/Lisbon)" defaultValue={initial.hours?.timeZone ?? "UTC"} className="mt-3 max-w-sm" />
          <WeeklyHoursFields days={days} onChange={setDays} />
        </>
      ) : null}
      <fieldset className="mt-4 space-y-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">Assignment</legend>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={reassign} onChange={(event) => setReassign(event.target.checked)} />
          Past the target, reassign the conversation to the next active agent
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={autoAssign} onChange={(event) => setAutoAssign(event.target.checked)} />
          Assign new conversations round-robin to active agents
        </label>
      </fieldset>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>Save</Button>
        <ActionMessage message={invalid ? { tone: "bad", text: invalid } : message} />
      </div>
    </form>
  );
}
