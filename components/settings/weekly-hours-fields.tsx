"use client";

import type { WeeklySchedule } from "@/lib/business-hours/weekly-schedule";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** One day's hours in the form: open or closed, one range (the API takes several; one covers most teams). */
export interface DayHours {
  open: boolean;
  start: string;
  end: string;
}

export function toDays(schedule: WeeklySchedule): DayHours[] {
  return DAYS.map((_, day) => {
    const range = schedule.find((entry) => entry.day === day);
    return range ? { open: true, start: range.start, end: range.end } : { open: false, start: "09:00", end: "18:00" };
  });
}

export function toSchedule(days: DayHours[]): WeeklySchedule {
  return days.flatMap((hours, day) => (hours.open ? [{ day, start: hours.start, end: hours.end }] : []));
}

/** The weekly business-hours editor shared by the away message and the SLA settings. */
export function WeeklyHoursFields({ days, onChange, legend = "Business hours" }: { days: DayHours[]; onChange: (days: DayHours[]) => void; legend?: string }) {
  const setDay = (day: number, change: Partial<DayHours>) => onChange(days.map((hours, index) => (index === day ? { ...hours, ...change } : hours)));
  return (
    <fieldset className="mt-3">
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      <div className="grid gap-1 sm:grid-cols-2">
        {days.map((hours, day) => (
          <div key={day} className="flex items-center gap-2 text-sm">
            <label className="flex w-32 items-center gap-2">
              <input type="checkbox" checked={hours.open} onChange={(event) => setDay(day, { open: event.target.checked })} />
              {DAYS[day]}
            </label>
            <input aria-label={`${DAYS[day]} opens`} type="time" value={hours.start} disabled={!hours.open} onChange={(event) => setDay(day, { start: event.target.value })}
              className="rounded border border-slate-300 px-1 py-0.5 disabled:text-slate-400" />
            –
            <input aria-label={`${DAYS[day]} closes`} type="time" value={hours.end} disabled={!hours.open} onChange={(event) => setDay(day, { end: event.target.value })}
              className="rounded border border-slate-300 px-1 py-0.5 disabled:text-slate-400" />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
