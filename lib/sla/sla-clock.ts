import { z } from "zod";
import { timeZoneSchema, weeklyScheduleSchema, type WeeklySchedule } from "@/lib/business-hours/weekly-schedule";

/** TeamSettings.slaBusinessHours: the SLA clock runs only inside these hours (null: round the clock). */
export const slaBusinessHoursSchema = z.object({ timeZone: timeZoneSchema, schedule: weeklyScheduleSchema });
export type SlaBusinessHours = z.infer<typeof slaBusinessHoursSchema>;

const DAY_MS = 86_400_000;

/**
 * Seconds of SLA time between two instants: wall time, or with business hours only the time inside
 * them (the clock pauses outside). Walks the calendar days of the span in the schedule's time zone
 * and adds each open range's overlap, so a wait over a weekend costs a few dozen steps.
 */
export function slaSecondsBetween(from: Date, to: Date, hours: SlaBusinessHours | null): number {
  if (to <= from) return 0;
  if (!hours) return Math.floor((to.getTime() - from.getTime()) / 1000);
  let total = 0;
  const first = localDate(from, hours.timeZone);
  const lastDay = localDate(to, hours.timeZone);
  for (let day = first; day <= lastDay; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    for (const range of rangesOn(hours.schedule, weekday)) {
      const start = instantOf(day, range.start, hours.timeZone);
      const end = instantOf(day, range.end, hours.timeZone);
      const overlap = Math.min(end, to.getTime()) - Math.max(start, from.getTime());
      if (overlap > 0) total += overlap;
    }
  }
  return Math.floor(total / 1000);
}

function rangesOn(schedule: WeeklySchedule, weekday: number) {
  return schedule.filter((range) => range.day === weekday);
}

/** Midnight UTC of the calendar date `at` falls on in `timeZone` (a day key, not an instant). */
function localDate(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
  const part = (type: string) => Number(parts.find((item) => item.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day"));
}

/** The instant a wall-clock "HH:MM" on a local date is in `timeZone`. */
function instantOf(day: number, time: string, timeZone: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  const wall = day + hours * 3_600_000 + minutes * 60_000;
  return wall - offsetMs(new Date(wall), timeZone);
}

/** How far `timeZone`'s wall clock is ahead of UTC around `at`. */
function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((item) => item.type === type)?.value);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}
