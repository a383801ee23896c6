import { z } from "zod";

/**
 * A simple weekly schedule of business hours in one time zone: for each day any number of
 * `start`–`end` ranges ("09:00"–"18:00"; `end` may be "24:00"). Kept on its own so other features
 * (the away message now, SLA business hours later) read one definition.
 */

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use HH:MM, 00:00 to 24:00");

export const businessHoursRangeSchema = z
  .object({
    /** 0 Sunday … 6 Saturday, as `Date.getDay()`. */
    day: z.number().int().min(0).max(6),
    start: time,
    end: time,
  })
  .strict()
  .refine((range) => range.start < range.end, { message: "The end must come after the start", path: ["end"] });

export const weeklyScheduleSchema = z.array(businessHoursRangeSchema).max(28, "At most 28 ranges a week");
export type WeeklySchedule = z.infer<typeof weeklyScheduleSchema>;

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, "Unknown time zone: use an IANA name such as Europe/Lisbon");

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The weekday (0 Sunday) and "HH:MM" wall-clock time of `at` in `timeZone`. */
export function wallClock(at: Date, timeZone: string): { day: number; time: string } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? "";
  return { day: WEEKDAYS.indexOf(part("weekday")), time: `${part("hour")}:${part("minute")}` };
}

/** True when `at` falls inside one of the schedule's ranges (start inclusive, end exclusive). */
export function isWithinBusinessHours(schedule: WeeklySchedule, timeZone: string, at: Date): boolean {
  const { day, time: now } = wallClock(at, timeZone);
  return schedule.some((range) => range.day === day && range.start <= now && now < range.end);
}
