import { describe, expect, it } from "vitest";
import { daysOf, parseBound, presetDays } from "@/lib/reports/report-range";

describe("report range", () => {
  it("takes a day as the whole UTC day: from its start, to its end", () => {
    expect(parseBound("2026-11-03", "from")?.toISOString()).toBe("2026-11-03T00:00:00.000Z");
    expect(parseBound("2026-11-03", "to")?.toISOString()).toBe("2026-11-04T00:00:00.000Z");
  });

  it("takes a date-time with an offset as is and refuses anything else", () => {
    expect(parseBound("2026-11-03T10:00:00+01:00", "to")?.toISOString()).toBe("2026-11-03T09:00:00.000Z");
    for (const bad of ["2026-02-30", "2026-13-01", "yesterday", "2026-11-03T10:00:00", "1700000000", ""]) {
      expect(parseBound(bad, "from")).toBeNull();
    }
  });

  it("lists the UTC days a range touches", () => {
    expect(daysOf({ start: new Date("2026-11-29T00:00:00Z"), end: new Date("2026-12-02T00:00:00Z") })).toEqual(["2026-11-29", "2026-11-30", "2026-12-01"]);
    expect(daysOf({ start: new Date("2026-11-29T12:00:00Z"), end: new Date("2026-11-29T13:00:00Z") })).toEqual(["2026-11-29"]);
  });

  it("ends presets today (UTC)", () => {
    const now = new Date("2026-12-04T23:30:00Z");
    expect(presetDays("today", now)).toEqual({ from: "2026-12-04", to: "2026-12-04" });
    expect(presetDays("7d", now)).toEqual({ from: "2026-11-28", to: "2026-12-04" });
    expect(presetDays("30d", now)).toEqual({ from: "2026-11-05", to: "2026-12-04" });
  });
});
