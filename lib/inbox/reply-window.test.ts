import { describe, expect, it } from "vitest";
import { replyWindow } from "./reply-window";

const HOUR = 3_600_000;
const now = new Date("2026-03-01T12:00:00Z");
const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);

describe("replyWindow", () => {
  it("closes 24 h after the customer's last message", () => {
    expect(replyWindow({ channel: "WHATSAPP", lastInboundAt: ago(21), humanAgentTag: false, now })).toEqual({
      closesAt: new Date(now.getTime() + 3 * HOUR),
      humanAgent: false,
    });
  });

  it("has no window when the customer never wrote", () => {
    expect(replyWindow({ channel: "INSTAGRAM", lastInboundAt: null, humanAgentTag: true, now }).closesAt).toBeNull();
  });

  it("extends Instagram to 7 days with the human agent tag, but never WhatsApp", () => {
    const instagram = replyWindow({ channel: "INSTAGRAM", lastInboundAt: ago(30), humanAgentTag: true, now });
    expect(instagram).toEqual({ closesAt: new Date(ago(30).getTime() + 168 * HOUR), humanAgent: true });
    const whatsapp = replyWindow({ channel: "WHATSAPP", lastInboundAt: ago(30), humanAgentTag: true, now });
    expect(whatsapp).toEqual({ closesAt: new Date(ago(30).getTime() + 24 * HOUR), humanAgent: false });
  });

  it("keeps the 24 h answer inside the first day even with the tag", () => {
    expect(replyWindow({ channel: "INSTAGRAM", lastInboundAt: ago(2), humanAgentTag: true, now }).humanAgent).toBe(false);
  });
});
