import { describe, expect, it } from "vitest";
import { containsPattern, ftsPhrase, searchedFields, searchTerms, usesIndex } from "./search-terms";

describe("search terms", () => {
  it("reads a phone number typed with +, spaces, dashes or brackets as digits, and nothing else as one", () => {
    expect(searchTerms("+351 934-000").digits).toBe("351934000");
    expect(searchTerms("(351) 934.000").digits).toBe("351934000");
    expect(searchTerms("ana.live.2024").digits).toBe("");
    expect(searchTerms("ana934").digits).toBe("");
    expect(searchTerms("12").digits).toBe("");
  });

  it("drops one leading @ for usernames and searches no username with a bare @", () => {
    expect(searchTerms("@ana.co")).toMatchObject({ text: "@ana.co", username: "ana.co" });
    expect(searchedFields(searchTerms("@")).map((field) => field.column)).toEqual(["displayName"]);
    expect(searchedFields(searchTerms("+351 934")).map((field) => field.column)).toEqual(["displayName", "instagramUsername", "whatsappId"]);
  });

  it("uses SQLite's trigram tables only when every term has three characters, counted as FTS5 counts them", () => {
    expect(usesIndex(searchTerms("ana"))).toBe(true);
    expect(usesIndex(searchTerms("zé"))).toBe(false);
    // "@ab": the name term has three characters, the username term two.
    expect(usesIndex(searchTerms("@ab"))).toBe(false);
    // Code points, not UTF-16 units: one emoji is one character, "🛋️" (sofa + variation selector) two.
    expect(usesIndex(searchTerms("😀"))).toBe(false);
    expect(usesIndex(searchTerms("🛋️"))).toBe(false);
    expect(usesIndex(searchTerms("😀😀😀"))).toBe(true);
  });

  it("writes LIKE patterns in which %, _ and \\ are literal", () => {
    expect(containsPattern("ana")).toBe("%ana%");
    expect(containsPattern("50% off_x")).toBe("%50\\% off\\_x%");
    expect(containsPattern("a\\b")).toBe("%a\\\\b%");
  });

  it("writes the whole query as one FTS5 phrase, whatever operators it contains", () => {
    expect(ftsPhrase("sofa")).toBe('"sofa"');
    expect(ftsPhrase('say "hi" OR -x* (NEAR)')).toBe('"say ""hi"" OR -x* (NEAR)"');
  });
});
