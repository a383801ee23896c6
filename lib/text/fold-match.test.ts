import { describe, expect, it } from "vitest";
import { findFolded } from "./fold-match";

describe("findFolded", () => {
  it("finds a query across case and accents, in the original text's offsets", () => {
    const text = "Olá, o JOAO pediu açúcar";
    const match = findFolded(text, "joão");
    expect(match && text.slice(match.start, match.end)).toBe("JOAO");
    const sugar = findFolded(text, "ACUCAR");
    expect(sugar && text.slice(sugar.start, sugar.end)).toBe("açúcar");
  });

  it("keeps offsets right after emoji and decomposed letters", () => {
    const text = "🛋️ Joa\u0303o likes it";
    const match = findFolded(text, "joao likes");
    expect(match && text.slice(match.start, match.end)).toBe("Joa\u0303o likes");
  });

  it("says when there is no match", () => {
    expect(findFolded("blue sofa", "green")).toBeNull();
    expect(findFolded("blue sofa", "")).toBeNull();
  });
});
