import { describe, expect, it } from "vitest";
import { eventStatusOf, failureSummary, MAX_PROBLEMS_KEPT, mergeReplay, pathsToReplay, summarizeItems, type ItemResult } from "@/lib/inbox/ingest/item-outcomes";

const stored = (path: string): ItemResult => ({ path, outcome: "stored" });
const failed = (path: string, error = "boom"): ItemResult => ({ path, outcome: "failed", error });

describe("item outcomes", () => {
  it("a delivery with some failed items is PARTIAL, with all failed FAILED", () => {
    const partial = summarizeItems([stored("a"), failed("b", "no sender"), { path: "c", outcome: "unreadable", error: "odd" }]);
    expect(partial).toEqual({ items: 3, stored: 2, unreadableCount: 1, failedCount: 1, unreadable: [{ path: "c", error: "odd" }], failed: [{ path: "b", error: "no sender" }] });
    expect(eventStatusOf(partial, false)).toBe("PARTIAL");
    expect(failureSummary(partial)).toBe("1 of 3 items failed; first: no sender");
    expect(eventStatusOf(summarizeItems([failed("a")]), false)).toBe("FAILED");
  });

  it("unreadable items stored as messages keep the event PROCESSED, never IGNORED", () => {
    expect(eventStatusOf(summarizeItems([{ path: "a", outcome: "unreadable", error: "x" }]), true)).toBe("PROCESSED");
    expect(eventStatusOf(summarizeItems([{ path: "a", outcome: "ignored" }]), true)).toBe("IGNORED");
    expect(eventStatusOf(summarizeItems([]), true)).toBe("IGNORED");
  });

  it("Replay re-runs the failed paths, or everything when more failed than were kept", () => {
    expect(pathsToReplay(summarizeItems([stored("a"), failed("b")]))).toEqual(new Set(["b"]));
    const many = summarizeItems(Array.from({ length: MAX_PROBLEMS_KEPT + 1 }, (_, index) => failed(`i${index}`)));
    expect(many.failed).toHaveLength(MAX_PROBLEMS_KEPT);
    expect(pathsToReplay(many)).toBeNull();
    expect(pathsToReplay(summarizeItems([stored("a")]))).toBeNull();
  });

  it("a replay's results replace the failures and keep the rest", () => {
    const before = summarizeItems([stored("a"), failed("b"), failed("c")]);
    const after = mergeReplay(before, [stored("b"), failed("c", "still")]);
    expect(after).toMatchObject({ items: 3, stored: 2, failedCount: 1, failed: [{ path: "c", error: "still" }] });
    expect(eventStatusOf(after, false)).toBe("PARTIAL");
    expect(eventStatusOf(mergeReplay(after, [stored("c")]), false)).toBe("PROCESSED");
  });
});
