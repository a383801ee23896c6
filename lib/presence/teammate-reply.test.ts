import { describe, expect, it } from "vitest";
import type { MessageJson } from "@/lib/inbox/api-types";
import { agoText, teammateReplySince } from "./teammate-reply";

const message = (overrides: Partial<MessageJson>) =>
  ({ direction: "OUTBOUND", type: "TEXT", status: "SENT", sentAt: "2026-12-04T10:00:20.000Z", sentBy: { id: "ana", name: "Ana" }, ...overrides }) as MessageJson;
const since = Date.parse("2026-12-04T10:00:00.000Z");

describe("teammateReplySince", () => {
  it("finds the newest reply a teammate sent after I started composing", () => {
    const messages = [message({}), message({ sentAt: "2026-12-04T10:00:30.000Z", sentBy: { id: "rui", name: "Rui" } })];
    expect(teammateReplySince(messages, "me", since)).toEqual({ name: "Rui", at: Date.parse("2026-12-04T10:00:30.000Z") });
  });

  it("ignores my own replies, notes, failed sends, customers' messages and anything before", () => {
    const messages = [
      message({ sentBy: { id: "me", name: "Me" } }),
      message({ type: "NOTE" }),
      message({ status: "FAILED" }),
      message({ direction: "INBOUND", sentBy: null }),
      message({ sentBy: null }),
      message({ sentAt: "2026-12-04T09:59:59.000Z" }),
    ];
    expect(teammateReplySince(messages, "me", since)).toBeNull();
  });
});

describe("agoText", () => {
  it("says seconds, then minutes, then hours", () => {
    expect(agoText(20_400)).toBe("20 s");
    expect(agoText(0)).toBe("1 s");
    expect(agoText(150_000)).toBe("3 min");
    expect(agoText(2 * 3_600_000)).toBe("2 h");
  });
});
