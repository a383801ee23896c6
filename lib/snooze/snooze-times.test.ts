import { describe, expect, it } from "vitest";
import { fromLocalInput, nextMondayAt9, tomorrowAt9 } from "@/lib/snooze/snooze-times";

// Local dates built from parts, so the test holds in any TZ the machine runs in.
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

describe("snooze presets", () => {
  it("tomorrow 9:00 is the next calendar day, across a month end", () => {
    expect(tomorrowAt9(local(2026, 12, 31, 23, 50))).toEqual(local(2027, 1, 1, 9));
  });
  it("next Monday 9:00 from a Friday, a Sunday and a Monday", () => {
    expect(nextMondayAt9(local(2026, 12, 4, 15))).toEqual(local(2026, 12, 7, 9));
    expect(nextMondayAt9(local(2026, 12, 6, 8))).toEqual(local(2026, 12, 7, 9));
    expect(nextMondayAt9(local(2026, 12, 7, 8))).toEqual(local(2026, 12, 14, 9));
  });
  it("reads a datetime-local value as local time and refuses anything else", () => {
    expect(fromLocalInput("2026-12-05T14:30")).toEqual(local(2026, 12, 5, 14, 30));
    expect(fromLocalInput("")).toBeNull();
    expect(fromLocalInput("tomorrow")).toBeNull();
  });
});
