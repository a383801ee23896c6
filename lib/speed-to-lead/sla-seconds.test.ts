import { describe, expect, it } from "vitest";
import { slaSecondsBetween, type SlaHours } from "./sla-seconds";

const weekdays9to18 = (timeZone: string): SlaHours => ({ timeZone, schedule: [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "18:00" })) });
const at = (iso: string) => new Date(iso);

describe("slaSecondsBetween", () => {
  it("counts every second without business hours", () => {
    expect(slaSecondsBetween(at("2026-12-04T10:00:00Z"), at("2026-12-04T10:12:30Z"), null)).toBe(750);
  });

  it("is never negative", () => {
    expect(slaSecondsBetween(at("2026-12-04T10:00:00Z"), at("2026-12-04T09:00:00Z"), null)).toBe(0);
  });

  it("runs only inside business hours", () => {
    const hours = weekdays9to18("UTC");
    // Friday 17:50 → Monday 09:10: 10 minutes on Friday, 10 on Monday.
    expect(slaSecondsBetween(at("2026-12-04T17:50:00Z"), at("2026-12-07T09:10:00Z"), hours)).toBe(20 * 60);
    // Wholly inside one day.
    expect(slaSecondsBetween(at("2026-12-04T10:00:00Z"), at("2026-12-04T10:15:00Z"), hours)).toBe(15 * 60);
    // Saturday to Sunday: paused throughout.
    expect(slaSecondsBetween(at("2026-12-05T10:00:00Z"), at("2026-12-06T20:00:00Z"), hours)).toBe(0);
  });

  it("reads the schedule in the team's time zone", () => {
    // 09:00 in Lisbon in July is 08:00 UTC (summer time); 08:30 UTC is 30 minutes into the day.
    expect(slaSecondsBetween(at("2026-07-06T07:00:00Z"), at("2026-07-06T08:30:00Z"), weekdays9to18("Europe/Lisbon"))).toBe(30 * 60);
    // São Paulo is UTC-3: 09:00 there is 12:00 UTC.
    expect(slaSecondsBetween(at("2026-12-07T11:00:00Z"), at("2026-12-07T12:05:00Z"), weekdays9to18("America/Sao_Paulo"))).toBe(5 * 60);
  });

  it("counts a day that crosses a DST change by the real clock", () => {
    // Sunday 29 March 2026, Europe/Lisbon springs forward at 01:00 → 02:00; a 00:00–24:00 Sunday has 23 hours.
    const hours: SlaHours = { timeZone: "Europe/Lisbon", schedule: [{ day: 0, start: "00:00", end: "24:00" }] };
    expect(slaSecondsBetween(at("2026-03-28T00:00:00Z"), at("2026-03-30T00:00:00Z"), hours)).toBe(23 * 3600);
  });

  it("merges overlapping ranges instead of counting them twice", () => {
    const hours: SlaHours = { timeZone: "UTC", schedule: [{ day: 5, start: "09:00", end: "12:00" }, { day: 5, start: "11:00", end: "13:00" }] };
    expect(slaSecondsBetween(at("2026-12-04T00:00:00Z"), at("2026-12-05T00:00:00Z"), hours)).toBe(4 * 3600);
  });

  it("treats an empty schedule as round the clock", () => {
    expect(slaSecondsBetween(at("2026-12-05T10:00:00Z"), at("2026-12-05T10:01:00Z"), { timeZone: "UTC", schedule: [] })).toBe(60);
  });

  it("counts long waits by whole weeks", () => {
    // 10 weeks from a Monday midnight: 45 business hours a week.
    expect(slaSecondsBetween(at("2026-11-02T00:00:00Z"), at("2027-01-11T00:00:00Z"), weekdays9to18("UTC"))).toBe(10 * 45 * 3600);
  });
});
