import { describe, expect, it } from "vitest";
import { median, percentile } from "@/lib/reports/percentile";

describe("percentile", () => {
  it("interpolates between the closest ranks, as percentile_cont does", () => {
    const values = [60, 120, 180, 240, 300, 360, 420, 480, 540, 3600];
    expect(median(values)).toBe(330);
    // rank 0.9 × 9 = 8.1: 540 + 0.1 × (3600 − 540)
    expect(percentile(values, 0.9)).toBe(846);
    expect(percentile(values, 0)).toBe(60);
    expect(percentile(values, 1)).toBe(3600);
  });

  it("answers the value itself for one value and null for none", () => {
    expect(median([42])).toBe(42);
    expect(percentile([42], 0.9)).toBe(42);
    expect(median([])).toBeNull();
  });

  it("rounds to a tenth of a second", () => {
    expect(percentile([1, 2, 4], 0.9)).toBe(3.6);
    expect(percentile([0, 1, 1], 1 / 3)).toBe(0.7);
  });
});
