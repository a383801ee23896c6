/**
 * The reports' date range, in whole UTC days: days are bucketed in UTC on both databases (SQLite
 * has no time zones), so "today" is the UTC day and a `YYYY-MM-DD` bound names a UTC day. Zod-free
 * so the page's range picker uses the same rules as the API.
 */

export const REPORT_MAX_DAYS = 366;
export const REPORT_PRESETS = ["today", "7d", "30d", "custom"] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export interface ReportRange {
  /** Inclusive start. */
  start: Date;
  /** Exclusive end. */
  end: Date;
}

/** `YYYY-MM-DD` of a moment's UTC day. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function isDayString(value: string): boolean {
  return DAY_PATTERN.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && utcDay(new Date(`${value}T00:00:00Z`)) === value;
}

/**
 * A bound as the API takes it: a UTC day (`from` its start, `to` the end of it, so `to` is
 * inclusive) or an ISO date-time with an offset (taken as is, `to` exclusive). Null when unreadable.
 */
export function parseBound(value: string, side: "from" | "to"): Date | null {
  if (DAY_PATTERN.test(value)) {
    if (!isDayString(value)) return null;
    const start = new Date(`${value}T00:00:00Z`);
    return side === "from" ? start : new Date(start.getTime() + DAY_MS);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The UTC days a range touches, oldest first (for zero-filled day charts). */
export function daysOf(range: ReportRange): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${utcDay(range.start)}T00:00:00Z`); at < range.end.getTime(); at += DAY_MS) days.push(utcDay(new Date(at)));
  return days;
}

/** A preset as `from` / `to` days ending today (UTC): "7d" is today and the six days before it. */
export function presetDays(preset: Exclude<ReportPreset, "custom">, now = new Date()): { from: string; to: string } {
  const span = { today: 1, "7d": 7, "30d": 30 }[preset];
  return { from: utcDay(new Date(now.getTime() - (span - 1) * DAY_MS)), to: utcDay(now) };
}
