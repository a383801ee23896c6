import { describe, expect, it } from "vitest";
import instagramText from "./instagram/fixtures/message-text.json";
import messengerText from "./messenger/fixtures/message-text.json";
import { channelByObject, channelFromDb, channels, getChannel, isChannelKey } from "./registry";
import { CHANNEL_KEYS } from "./types";
import whatsappText from "./whatsapp/fixtures/message-text.json";

describe("channel registry", () => {
  it("has an adapter for every channel key, under its own key", () => {
    for (const key of CHANNEL_KEYS) expect(getChannel(key).key).toBe(key);
    expect(Object.keys(channels).sort()).toEqual([...CHANNEL_KEYS].sort());
  });

  it("finds the adapter by webhook object, and each parses its own payloads", () => {
    expect(channelByObject(instagramText.object)?.key).toBe("instagram");
    expect(channelByObject(whatsappText.object)?.key).toBe("whatsapp");
    expect(channelByObject(instagramText.object)?.parseWebhook(instagramText)).toHaveLength(1);
    expect(channelByObject(whatsappText.object)?.parseWebhook(whatsappText)).toHaveLength(1);
    expect(channelByObject(messengerText.object)?.key).toBe("messenger");
    expect(channelByObject(messengerText.object)?.parseWebhook(messengerText)).toHaveLength(1);
    expect(channelByObject("user")).toBeUndefined();
    expect(channelByObject(undefined)).toBeUndefined();
  });

  it("maps every database channel to its adapter", () => {
    expect(channelFromDb("INSTAGRAM")?.key).toBe("instagram");
    expect(channelFromDb("WHATSAPP")?.key).toBe("whatsapp");
    expect(channelFromDb("MESSENGER")?.key).toBe("messenger");
  });

  it("recognizes channel keys and nothing else", () => {
    expect(isChannelKey("instagram")).toBe(true);
    expect(isChannelKey("whatsapp")).toBe(true);
    expect(isChannelKey("messenger")).toBe(true);
    expect(isChannelKey("telegram")).toBe(false);
    expect(isChannelKey("toString")).toBe(false);
  });

  it("declares the messaging windows", () => {
    expect(channels.instagram.messagingWindow).toEqual({ freeFormMs: 86_400_000, humanAgentMs: 604_800_000 });
    expect(channels.whatsapp.messagingWindow).toEqual({ freeFormMs: 86_400_000 });
    expect(channels.messenger.messagingWindow).toEqual({ freeFormMs: 86_400_000, humanAgentMs: 604_800_000 });
  });

  it("only WhatsApp offers templates and media download", () => {
    expect(channels.whatsapp.templates).toBeDefined();
    expect(channels.whatsapp.media).toBeDefined();
    expect(channels.instagram.templates).toBeUndefined();
    expect(channels.instagram.media).toBeUndefined();
  });
});
