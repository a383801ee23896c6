import { describe, expect, it } from "vitest";
import { splitText } from "./split-text";

describe("splitText", () => {
  it("keeps a text within the limit whole", () => {
    expect(splitText("  Hello there  ", 20)).toEqual(["Hello there"]);
  });

  it("cuts at the last word break, never inside a word, and loses no word", () => {
    const words = Array.from({ length: 900 }, (_, index) => `word${index}`);
    const parts = splitText(words.join(" "), 1000);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(1000);
      expect(part).toMatch(/^word\d+( word\d+)*$/);
    }
    expect(parts.join(" ")).toBe(words.join(" "));
  });

  it("prefers a paragraph, then a sentence, to a word", () => {
    expect(splitText("First paragraph here.\n\nSecond one is here", 30)).toEqual(["First paragraph here.", "Second one is here"]);
    expect(splitText("One sentence ends. Another one goes on", 25)).toEqual(["One sentence ends.", "Another one goes on"]);
  });

  it("cuts a word longer than the limit at the limit, keeping emoji whole", () => {
    expect(splitText("x".repeat(25), 10)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
    const parts = splitText(`${"x".repeat(9)}😀yy`, 10);
    expect(parts).toEqual(["x".repeat(9), "😀yy"]);
  });
});
