import { describe, expect, it } from "vitest";
import { laterStage, stageChange } from "@/lib/leads/stage-rules";

const now = new Date("2026-12-04T12:00:00Z");
const earlier = new Date("2026-11-01T12:00:00Z");

describe("stageChange", () => {
  it("stamps statusChangedAt on a move, and wonAt when entering WON", () => {
    expect(stageChange({ status: "QUALIFIED", wonAt: null, lostReason: null }, "WON", now)).toEqual({
      status: "WON", statusChangedAt: now, wonAt: now, lostReason: null,
    });
  });

  it("clears wonAt when a won deal is reopened, and the reason when a lost one is", () => {
    expect(stageChange({ status: "WON", wonAt: earlier, lostReason: null }, "QUALIFIED", now)).toMatchObject({ wonAt: null });
    expect(stageChange({ status: "LOST", wonAt: null, lostReason: "Too expensive" }, "NEW", now)).toMatchObject({ lostReason: null });
  });

  it("keeps the given reason when entering LOST, else the one already recorded", () => {
    expect(stageChange({ status: "NEW", wonAt: null, lostReason: null }, "LOST", now, "Went elsewhere")).toMatchObject({ lostReason: "Went elsewhere" });
    expect(stageChange({ status: "NEW", wonAt: null, lostReason: "Old reason" }, "LOST", now)).toMatchObject({ lostReason: "Old reason" });
  });

  it("writes nothing when the stage does not change, except a new lost reason", () => {
    expect(stageChange({ status: "WON", wonAt: earlier, lostReason: null }, "WON", now)).toEqual({});
    expect(stageChange({ status: "LOST", wonAt: null, lostReason: "a" }, "LOST", now, "b")).toEqual({ lostReason: "b" });
  });
});

describe("laterStage", () => {
  it("keeps the stage further along the pipeline, WON above LOST", () => {
    expect(laterStage("NEW", "QUALIFIED")).toBe("QUALIFIED");
    expect(laterStage("CONTACTED", "NEW")).toBe("CONTACTED");
    expect(laterStage("LOST", "WON")).toBe("WON");
    expect(laterStage("QUALIFIED", "LOST")).toBe("LOST");
  });
});
