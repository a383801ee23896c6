import { describe, expect, it } from "vitest";
import { contactHandle, contactName, duration, initials, shortTime } from "./format";
import { inboxHref, parseInboxUrl } from "./inbox-url";

describe("inbox display helpers", () => {
  it("names contacts by name, then @username, then phone", () => {
    expect(contactName({ displayName: "Ana Costa", instagramUsername: "ana", whatsappId: null })).toBe("Ana Costa");
    expect(contactName({ displayName: null, instagramUsername: "ana.costa", whatsappId: null })).toBe("@ana.costa");
    expect(contactName({ displayName: null, instagramUsername: null, whatsappId: "351912345678" })).toBe("+351912345678");
    expect(contactHandle({ displayName: "Maria", instagramUsername: null, whatsappId: "351912345678" })).toBe("+351912345678");
    // A WhatsApp customer with a username shows it, and may have no phone at all.
    expect(contactHandle({ displayName: "Rui", instagramUsername: null, whatsappUsername: "rui.moveis", whatsappId: "351912345678" })).toBe("@rui.moveis");
    expect(contactName({ displayName: null, instagramUsername: null, whatsappUsername: "rui.moveis", whatsappId: null })).toBe("@rui.moveis");
  });

  it("makes initials from names and handles", () => {
    expect(initials("Ana Costa")).toBe("AC");
    expect(initials("@ana.costa")).toBe("AC");
    expect(initials("+351912345678")).toBe("35");
  });

  it("formats list times and durations", () => {
    const now = new Date("2026-03-10T15:00:00");
    expect(shortTime(new Date("2026-03-10T14:59:40").toISOString(), now)).toBe("now");
    expect(shortTime(new Date("2026-03-10T14:35:00").toISOString(), now)).toBe("25m");
    expect(shortTime(new Date("2026-03-10T09:00:00").toISOString(), now)).toBe("6h");
    expect(shortTime(new Date("2026-03-09T22:00:00").toISOString(), now)).toBe("Yesterday");
    expect(duration(3 * 3_600_000 - 60_000)).toBe("3 h");
    expect(duration(25 * 60_000)).toBe("25 min");
    expect(duration(5 * 86_400_000)).toBe("5 d");
  });

  it("round-trips the inbox URL and ignores junk", () => {
    const state = { channel: "whatsapp" as const, filter: "unread" as const, q: "ana", conversationId: "cabc123" };
    expect(parseInboxUrl(new URL(`http://x${inboxHref(state)}`).searchParams)).toEqual(state);
    expect(parseInboxUrl({ channel: "fax", filter: "all", c: "<script>" })).toEqual({ channel: "all", filter: "open", q: "", conversationId: null });
    expect(inboxHref({ channel: "all", filter: "open", q: "", conversationId: null })).toBe("/inbox");
  });
});

describe("contactName with bidi controls", () => {
  it("drops overrides and isolates a customer put in their name, so it can't pose as another", () => {
    const contact = { displayName: "invoice\u202Efdp.exe", instagramUsername: null, whatsappId: null };
    expect(contactName(contact)).toBe("invoicefdp.exe");
    expect(contactName({ displayName: "\u2067\u202E", instagramUsername: "ana", whatsappId: null })).toBe("@ana");
    expect(contactName({ displayName: "سارة", instagramUsername: null, whatsappId: null })).toBe("سارة");
  });
});
