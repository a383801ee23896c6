import { describe, expect, it } from "vitest";
import { wantsMessageNotification } from "@/lib/notifications/notification-rules";

describe("wantsMessageNotification", () => {
  it("notifies of everything at ALL", () => {
    expect(wantsMessageNotification("ALL", "ana", "rui")).toBe(true);
    expect(wantsMessageNotification("ALL", "ana", null)).toBe(true);
  });

  it("notifies of my and unassigned conversations at MINE_AND_UNASSIGNED", () => {
    expect(wantsMessageNotification("MINE_AND_UNASSIGNED", "ana", "ana")).toBe(true);
    expect(wantsMessageNotification("MINE_AND_UNASSIGNED", "ana", null)).toBe(true);
    expect(wantsMessageNotification("MINE_AND_UNASSIGNED", "ana", "rui")).toBe(false);
  });

  it("never notifies at NONE", () => {
    expect(wantsMessageNotification("NONE", "ana", "ana")).toBe(false);
    expect(wantsMessageNotification("NONE", "ana", null)).toBe(false);
  });
});
