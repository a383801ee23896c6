import { describe, expect, it } from "vitest";
import { MAX_BATCH_SIZE, nextBatchSize } from "@/lib/inbox/webhooks/batch-size";

describe("nextBatchSize", () => {
  it("grows a batch that finished well inside its budget, at most doubling", () => {
    expect(nextBatchSize(10, 10, 20)).toBe(20);
    expect(nextBatchSize(10, 1, 20)).toBe(20);
    expect(nextBatchSize(10, 16, 20)).toBe(13);
  });

  it("shrinks a batch that overran, at most halving, never below one", () => {
    expect(nextBatchSize(10, 25, 20)).toBe(8);
    expect(nextBatchSize(10, 400, 20)).toBe(5);
    expect(nextBatchSize(1, 400, 20)).toBe(1);
  });

  it("never exceeds the cap, even for a batch that cost nothing", () => {
    expect(nextBatchSize(MAX_BATCH_SIZE, 0, 80)).toBe(MAX_BATCH_SIZE);
  });

  it("settles where a batch takes about the budget, given a fixed and a per-event cost", () => {
    const cost = (events: number) => 8 + 2 * events;
    let size = 1;
    for (let round = 0; round < 30; round++) size = nextBatchSize(size, cost(size), 80);
    expect(cost(size)).toBeGreaterThan(70);
    expect(cost(size)).toBeLessThanOrEqual(90);
  });
});
