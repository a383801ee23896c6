import { describe, expect, it } from "vitest";
import { normalizeName } from "@/lib/leads/normalize-name";

describe("normalizeName", () => {
  it("folds accents, case, emoji, punctuation and spacing", () => {
    expect(normalizeName("Sofía  Rossi")).toBe("sofia rossi");
    expect(normalizeName("SOFIA ROSSI 🌸")).toBe("sofia rossi");
    expect(normalizeName("sofia.rossi")).toBe("sofia rossi");
  });

  it("keeps different names apart and empty names empty", () => {
    expect(normalizeName("Sofia Rossi")).not.toBe(normalizeName("Sofia Russo"));
    expect(normalizeName(null)).toBe("");
    expect(normalizeName("🌸")).toBe("");
  });
});
