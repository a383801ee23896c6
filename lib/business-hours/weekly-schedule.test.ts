import { describe, expect, it } from "vitest";
import { isWithinBusinessHours, timeZoneSchema, wallClock, weeklyScheduleSchema } from "@/lib/business-hours/weekly-schedule";

const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "18:00" }));

describe("weekly business hours", () => {
  it("reads the wall clock in the schedule's time zone", () => {
    // Friday 2026-12-04 08:30 UTC is 08:30 in Lisbon (WET) and 17:30 in Tokyo.
    const at = new Date("2026-12-04T08:30:00Z");
    expect(wallClock(at, "Europe/Lisbon")).toEqual({ day: 5, time: "08:30" });
    expect(wallClock(at, "Asia/Tokyo")).toEqual({ day: 5, time: "17:30" });
    expect(isWithinBusinessHours(weekdays, "Europe/Lisbon", at)).toBe(false);
    expect(isWithinBusinessHours(weekdays, "Asia/Tokyo", at)).toBe(true);
  });

  it("counts the start in and the end out", () => {
    expect(isWithinBusinessHours(weekdays, "UTC", new Date("2026-12-04T09:00:00Z"))).toBe(true);
    expect(isWithinBusinessHours(weekdays, "UTC", new Date("2026-12-04T18:00:00Z"))).toBe(false);
  });

  it("is closed at the weekend and on days with no range", () => {
    expect(isWithinBusinessHours(weekdays, "UTC", new Date("2026-12-05T12:00:00Z"))).toBe(false);
    expect(isWithinBusinessHours([], "UTC", new Date("2026-12-04T12:00:00Z"))).toBe(false);
  });

  it("follows daylight saving time", () => {
    // 08:30 UTC on a July Friday is 09:30 in Lisbon (WEST).
    expect(isWithinBusinessHours(weekdays, "Europe/Lisbon", new Date("2026-07-03T08:30:00Z"))).toBe(true);
  });

  it("refuses bad ranges and unknown zones", () => {
    expect(weeklyScheduleSchema.safeParse([{ day: 1, start: "18:00", end: "09:00" }]).success).toBe(false);
    expect(weeklyScheduleSchema.safeParse([{ day: 7, start: "09:00", end: "10:00" }]).success).toBe(false);
    expect(weeklyScheduleSchema.safeParse([{ day: 1, start: "9:00", end: "10:00" }]).success).toBe(false);
    expect(weeklyScheduleSchema.safeParse([{ day: 1, start: "00:00", end: "24:00" }]).success).toBe(true);
    expect(timeZoneSchema.safeParse("Mars/Olympus").success).toBe(false);
    expect(timeZoneSchema.safeParse("Europe/Lisbon").success).toBe(true);
  });
});
