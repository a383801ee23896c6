import { describe, expect, it } from "vitest";
import { ellipsize, truncateText } from "./truncate";

describe("truncateText", () => {
  it("leaves short text alone", () => {
    expect(truncateText("hello", 10)).toBe("hello");
  });

  it("never splits an emoji or a combined emoji sequence", () => {
    const text = `${"a".repeat(119)}😀 and more`;
    const cut = truncateText(text, 120);
    expect(cut).toBe("a".repeat(119));
    expect(cut.isWellFormed()).toBe(true);
    const family = "👩‍👩‍👧‍👦";
    expect(truncateText(`x${family}y`, 5)).toBe("x");
    expect(truncateText(`x${family}y`, 1 + family.length)).toBe(`x${family}`);
  });

  it("keeps right-to-left and accented text intact", () => {
    expect(truncateText("مرحبا بالعالم", 5)).toBe("مرحبا");
    expect(truncateText("e\u0301e\u0301e\u0301", 4)).toBe("e\u0301e\u0301");
  });
});

describe("ellipsize", () => {
  it("adds an ellipsis only when it cut, within the limit, never through an emoji", () => {
    expect(ellipsize("short", 10)).toBe("short");
    expect(ellipsize("abcdefghij", 5)).toBe("abcd…");
    expect(ellipsize(`abc😀def`, 5)).toBe("abc…");
  });
});
