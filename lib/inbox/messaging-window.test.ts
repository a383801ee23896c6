import { describe, expect, it } from "vitest";
import { instagramMeta } from "@/lib/channels/instagram/meta";
import { messengerMeta } from "@/lib/channels/messenger/meta";
import { whatsappMeta } from "@/lib/channels/whatsapp/meta";
import { replyAllowance, replyWindow } from "@/lib/inbox/messaging-window";

const HOUR = 3_600_000;
const window = { freeFormMs: 24 * HOUR, humanAgentMs: 7 * 24 * HOUR };
const now = new Date("2026-01-10T12:00:00Z");
const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);

describe("replyAllowance", () => {
  it("allows free-form replies inside 24 hours, untagged", () => {
    expect(replyAllowance(window, { lastInboundAt: ago(23.9), now, humanAgentTag: true })).toEqual({
      allowed: true,
      humanAgent: false,
    });
  });

  it("refuses after 24 hours without the human agent tag", () => {
    expect(replyAllowance(window, { lastInboundAt: ago(25), now, humanAgentTag: false })).toEqual({ allowed: false });
  });

  it("allows up to 7 days tagged HUMAN_AGENT when the tag is enabled", () => {
    expect(replyAllowance(window, { lastInboundAt: ago(6 * 24), now, humanAgentTag: true })).toEqual({
      allowed: true,
      humanAgent: true,
    });
    expect(replyAllowance(window, { lastInboundAt: ago(7 * 24 + 1), now, humanAgentTag: true })).toEqual({ allowed: false });
  });

  it("never extends a channel without a human agent window (WhatsApp)", () => {
    const whatsapp = { freeFormMs: 24 * HOUR };
    expect(replyAllowance(whatsapp, { lastInboundAt: ago(30), now, humanAgentTag: true })).toEqual({ allowed: false });
  });

  it("refuses when the customer never wrote", () => {
    expect(replyAllowance(window, { lastInboundAt: null, now, humanAgentTag: true })).toEqual({ allowed: false });
  });
});

describe("replyWindow (the composer's countdown, same rule)", () => {
  it("closes 24 h after the customer's last message", () => {
    expect(replyWindow(whatsappMeta.messagingWindow, { lastInboundAt: ago(21), humanAgentTag: false, now })).toEqual({
      closesAt: new Date(now.getTime() + 3 * HOUR),
      humanAgent: false,
    });
  });

  it("has no window when the customer never wrote", () => {
    expect(replyWindow(instagramMeta.messagingWindow, { lastInboundAt: null, humanAgentTag: true, now }).closesAt).toBeNull();
  });

  it("extends Instagram and Messenger to 7 days with the human agent tag, but never WhatsApp", () => {
    for (const meta of [instagramMeta, messengerMeta]) {
      expect(replyWindow(meta.messagingWindow, { lastInboundAt: ago(30), humanAgentTag: true, now })).toEqual({
        closesAt: new Date(ago(30).getTime() + 168 * HOUR),
        humanAgent: true,
      });
    }
    const whatsapp = replyWindow(whatsappMeta.messagingWindow, { lastInboundAt: ago(30), humanAgentTag: true, now });
    expect(whatsapp).toEqual({ closesAt: new Date(ago(30).getTime() + 24 * HOUR), humanAgent: false });
  });

  it("keeps the 24 h answer inside the first day even with the tag", () => {
    expect(replyWindow(messengerMeta.messagingWindow, { lastInboundAt: ago(2), humanAgentTag: true, now }).humanAgent).toBe(false);
  });
});
