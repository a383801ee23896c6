import { describe, expect, it } from "vitest";
import { waitedLabel, waitLevel } from "./wait-display";

describe("waiting badge", () => {
  it("reads coarsely", () => {
    expect(waitedLabel(59)).toBe("0 min");
    expect(waitedLabel(12 * 60 + 5)).toBe("12 min");
    expect(waitedLabel(2 * 3600 + 5 * 60)).toBe("2 h 5 min");
    expect(waitedLabel(3 * 3600)).toBe("3 h");
    expect(waitedLabel(3 * 86400 + 4 * 3600)).toBe("3 d 4 h");
  });

  it("turns amber at half the target and red past it", () => {
    expect(waitLevel(7 * 60, 15)).toBe("ok");
    expect(waitLevel(7.5 * 60, 15)).toBe("warn");
    expect(waitLevel(15 * 60, 15)).toBe("warn");
    expect(waitLevel(15 * 60 + 1, 15)).toBe("breach");
  });
});
