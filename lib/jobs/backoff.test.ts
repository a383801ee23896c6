import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./backoff";

describe("retryDelayMs", () => {
  it("doubles from the base with every attempt", () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 1_000, 60_000, () => 0))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });
  it("adds at most 20% jitter", () => {
    expect(retryDelayMs(3, 1_000, 60_000, () => 1)).toBe(4_800);
  });
  it("stops growing at the cap, jitter included on top", () => {
    expect(retryDelayMs(30, 1_000, 60_000, () => 0)).toBe(60_000);
    expect(retryDelayMs(30, 1_000, 60_000, () => 1)).toBe(72_000);
  });
});
