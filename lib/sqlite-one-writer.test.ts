import { describe, expect, it } from "vitest";
import { Turn } from "@/lib/sqlite-one-writer";

describe("Turn", () => {
  it("hands the turn over in the order it was asked for, each only once the one before released", async () => {
    const turn = new Turn();
    const order: string[] = [];
    const first = await turn.take();
    const waiting = ["second", "third"].map((name) => turn.run(async () => void order.push(name)));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([]);
    order.push("first released");
    first();
    await Promise.all(waiting);
    expect(order).toEqual(["first released", "second", "third"]);
  });

  it("releases after work that throws, and a second release changes nothing", async () => {
    const turn = new Turn();
    await expect(turn.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const release = await turn.take();
    release();
    release();
    const held = await turn.take();
    let next = false;
    const after = turn.run(async () => {
      next = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(next).toBe(false);
    held();
    await after;
    expect(next).toBe(true);
  });
});
