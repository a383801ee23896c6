import { describe, expect, it } from "vitest";
import { slaSecondsBetween } from "@/lib/sla/sla-clock";

const weekdays9to18 = { timeZone: "Europe/Lisbon", schedule: [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "18:00" })) };

describe("slaSecondsBetween", () => {
  it("counts wall time without business hours", () => {
    expect(slaSecondsBetween(new Date("2026-12-04T10:00:00Z"), new Date("2026-12-04T10:15:30Z"), null)).toBe(930);
  });

  it("is zero when the end is not after the start", () => {
    expect(slaSecondsBetween(new Date("2026-12-04T10:00:00Z"), new Date("2026-12-04T09:00:00Z"), weekdays9to18)).toBe(0);
  });

  it("pauses outside business hours: Friday 17:50 to Monday 09:10 is 20 minutes", () => {
    // Lisbon is UTC+0 in December.
    expect(slaSecondsBetween(new Date("2026-12-04T17:50:00Z"), new Date("2026-12-07T09:10:00Z"), weekdays9to18)).toBe(20 * 60);
  });

  it("reads the schedule in its time zone", () => {
    const newYork = { timeZone: "America/New_York", schedule: [{ day: 5, start: "09:00", end: "10:00" }] };
    // 09:00–10:00 in New York on Friday 4 December 2026 is 14:00–15:00 UTC.
    expect(slaSecondsBetween(new Date("2026-12-04T13:00:00Z"), new Date("2026-12-04T14:30:00Z"), newYork)).toBe(30 * 60);
  });
});
