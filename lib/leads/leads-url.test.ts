import { describe, expect, it } from "vitest";
import { DEFAULT_LEADS_STATE, leadsApiQuery, leadsHref, parseLeadsUrl } from "@/lib/leads/leads-url";

describe("leads URL state", () => {
  it("round-trips every filter through the URL", () => {
    const state = { view: "table" as const, status: ["NEW" as const, "WON" as const], owner: "me", channel: "WHATSAPP" as const, source: "ad" as const, q: "sofia", from: "2026-11-01", to: "2026-11-30", sort: "value" as const };
    expect(parseLeadsUrl(new URL(`http://x${leadsHref(state)}`).searchParams)).toEqual(state);
  });

  it("falls back to defaults for what a hand-edited URL gets wrong", () => {
    expect(parseLeadsUrl({ view: "kanban", status: "NEW,BOGUS", channel: "fax", source: "tv", sort: "name", from: "yesterday", owner: "a b" })).toEqual({
      ...DEFAULT_LEADS_STATE,
      status: ["NEW"],
    });
    expect(leadsHref(DEFAULT_LEADS_STATE)).toBe("/leads");
  });

  it("builds the API query, leaving the stage out for the board", () => {
    const state = { ...DEFAULT_LEADS_STATE, status: ["LOST" as const], owner: "none", from: "2026-11-01" };
    expect(Object.fromEntries(leadsApiQuery(state))).toEqual({ status: "LOST", ownerId: "none", lastContactFrom: "2026-11-01T00:00:00.000Z", sort: "lastContactAt" });
    expect(leadsApiQuery(state, { board: true }).has("status")).toBe(false);
  });
});
