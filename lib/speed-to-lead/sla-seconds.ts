import type { WeeklySchedule } from "@/lib/business-hours/weekly-schedule";

/**
 * The SLA clock: how long a customer has waited, counting only the team's business hours when it
 * has set them. Pure and zod-free, so the inbox badge (in the browser, ticking) and the server (at
 * reply time, in the breach job) count the same way.
 */

/** Business hours for the SLA: the weekly ranges, read in this IANA time zone. */
export interface SlaHours {
  timeZone: string;
  schedule: WeeklySchedule;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;
/** Past this span whole weeks are counted by multiplying one measured week (see slaSecondsBetween). */
const EXACT_SPAN_MS = 4 * WEEK_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock fields of an instant in a zone, as a UTC timestamp (so differences give the zone's offset). */
function wallTime(at: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) if (part.type !== "literal") parts[part.type] = Number(part.value);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** The instant a wall-clock time (given as UTC fields) happens in the zone; in a DST gap, just after it. */
function instantOf(wall: number, timeZone: string): number {
  const firstGuess = wall - (wallTime(wall, timeZone) - wall);
  const offset = wallTime(firstGuess, timeZone) - firstGuess;
  return wall - offset;
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return hours * 60 + minutes;
}

/** Each weekday's ranges in minutes since midnight, sorted and merged, so overlaps count once. */
function rangesByDay(schedule: WeeklySchedule): Array<Array<[number, number]>> {
  const days: Array<Array<[number, number]>> = [[], [], [], [], [], [], []];
  const sorted = [...schedule].sort((a, b) => a.day - b.day || minutesOf(a.start) - minutesOf(b.start));
  for (const range of sorted) {
    const day = days[range.day];
    const start = minutesOf(range.start);
    const end = minutesOf(range.end);
    const last = day.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else day.push([start, end]);
  }
  return days;
}

function businessMs(from: number, to: number, hours: SlaHours, days: Array<Array<[number, number]>>): number {
  let total = 0;
  // Walk the zone's calendar days that [from, to] touches (one either side covers any offset).
  const firstDay = Math.floor(wallTime(from, hours.timeZone) / DAY_MS) - 1;
  const lastDay = Math.floor(wallTime(to, hours.timeZone) / DAY_MS) + 1;
  for (let day = firstDay; day <= lastDay; day++) {
    const midnight = day * DAY_MS;
    for (const [start, end] of days[new Date(midnight).getUTCDay()]) {
      const opens = instantOf(midnight + start * 60_000, hours.timeZone);
      const closes = instantOf(midnight + end * 60_000, hours.timeZone);
      total += Math.max(0, Math.min(closes, to) - Math.max(opens, from));
    }
  }
  return total;
}

/**
 * Seconds from `from` to `to` on the SLA clock: all of them without business hours, otherwise
 * only those inside the schedule (the clock pauses outside it). An empty schedule counts as no
 * business hours rather than a clock that never runs, so a half-filled form cannot hide every wait.
 * Waits longer than four weeks count their middle weeks as multiples of one measured week; a DST
 * change inside them may shift the figure by its hour, which no badge or report can show.
 */
export function slaSecondsBetween(from: Date, to: Date, hours: SlaHours | null): number {
  const start = from.getTime();
  const end = to.getTime();
  if (!(end > start)) return 0;
  if (!hours || hours.schedule.length === 0) return Math.floor((end - start) / 1000);
  const days = rangesByDay(hours.schedule);
  if (end - start <= EXACT_SPAN_MS) return Math.floor(businessMs(start, end, hours, days) / 1000);
  const skippedWeeks = Math.floor((end - start) / WEEK_MS) - 2;
  const oneWeek = businessMs(start, start + WEEK_MS, hours, days);
  const rest = businessMs(start + skippedWeeks * WEEK_MS, end, hours, days);
  return Math.floor((skippedWeeks * oneWeek + rest) / 1000);
}
