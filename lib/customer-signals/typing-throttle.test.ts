import { describe, expect, it } from "vitest";
import { TYPING_REFRESH_MS, TypingThrottle } from "./typing-throttle";

describe("TypingThrottle", () => {
  it("turns typing on at most once per refresh period while anyone types", () => {
    const throttle = new TypingThrottle();
    expect(throttle.typed("c1", "tab-a", 0)).toBe("on");
    expect(throttle.typed("c1", "tab-a", 3_000)).toBeNull();
    expect(throttle.typed("c1", "tab-b", 6_000)).toBeNull();
    expect(throttle.typed("c1", "tab-a", TYPING_REFRESH_MS)).toBe("on");
    expect(throttle.typed("c2", "tab-c", 3_000)).toBe("on");
  });

  it("turns it off when the last typist stops, not before", () => {
    const throttle = new TypingThrottle();
    throttle.typed("c1", "tab-a", 0);
    throttle.typed("c1", "tab-b", 1_000);
    expect(throttle.stopped("c1", "tab-a")).toBeNull();
    expect(throttle.stopped("c1", "tab-b")).toBe("off");
    expect(throttle.stopped("c1", "tab-b")).toBeNull();
    expect(throttle.typed("c1", "tab-a", 2_000)).toBe("on");
  });

  it("sends no off after a reply went out", () => {
    const throttle = new TypingThrottle();
    throttle.typed("c1", "tab-a", 0);
    throttle.replySent("c1");
    expect(throttle.stopped("c1", "tab-a")).toBeNull();
  });
});
