import { describe, expect, it } from "vitest";
import { findMentions } from "@/lib/notes/find-mentions";

const team = [
  { id: "ana", name: "Ana" },
  { id: "ana-lima", name: "Ana Lima" },
  { id: "bruno", name: "Bruno Sá" },
];

describe("findMentions", () => {
  it("finds full names after @, in any case", () => {
    expect(findMentions("@bruno sá can you call her?", team).map((m) => m.id)).toEqual(["bruno"]);
  });
  it("prefers the longest name and does not also count its prefix", () => {
    expect(findMentions("ping @Ana Lima", team).map((m) => m.id)).toEqual(["ana-lima"]);
  });
  it("finds several, once each", () => {
    expect(findMentions("@Ana and @Bruno Sá, @ana again", team).map((m) => m.id).sort()).toEqual(["ana", "bruno"]);
  });
  it("ignores a name running on into a longer word, and text without @", () => {
    expect(findMentions("@Anabela said Ana Lima knows", team)).toEqual([]);
  });
  it("accepts punctuation right after the name", () => {
    expect(findMentions("thanks @Ana!", team).map((m) => m.id)).toEqual(["ana"]);
  });
});
