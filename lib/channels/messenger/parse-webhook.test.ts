import { describe, expect, it } from "vitest";
import type { NormalizedEvent } from "../types";
import adReferral from "./fixtures/message-ad-referral.json";
import attachments from "./fixtures/message-attachments.json";
import deleted from "./fixtures/message-deleted.json";
import delivery from "./fixtures/delivery.json";
import echo from "./fixtures/message-echo.json";
import image from "./fixtures/message-image.json";
import text from "./fixtures/message-text.json";
import postback from "./fixtures/postback.json";
import quickReply from "./fixtures/quick-reply.json";
import reaction from "./fixtures/reaction.json";
import read from "./fixtures/read.json";
import standby from "./fixtures/standby.json";
import { parseMessengerWebhook } from "./parse-webhook";

const PAGE = "109876543210987";
const PSID = "24681357924681357";
const events = (payload: unknown): NormalizedEvent[] => parseMessengerWebhook(payload).flatMap((item) => item.events);

describe("parseMessengerWebhook", () => {
  it("reads a text message, keyed by the customer's PSID on the Page", () => {
    const [event] = events(text);
    expect(event).toMatchObject({
      channel: "messenger",
      kind: "message",
      direction: "INBOUND",
      businessAccountId: PAGE,
      participant: { id: PSID },
      type: "TEXT",
      text: "Hi, are you open on Sundays?",
      timestamp: new Date(1764846239000),
    });
    expect(parseMessengerWebhook(text)[0].path).toBe("entry.0.messaging.0");
  });

  it("reads image, video, audio, file, shared links and stickers", () => {
    expect(events(image)[0]).toMatchObject({ type: "IMAGE", attachments: [{ kind: "image", url: expect.stringContaining("photo.jpg") }] });
    const kinds = events(attachments).map((event) => event.kind === "message" && [event.type, event.attachments[0]?.kind, event.text]);
    expect(kinds).toEqual([
      ["VIDEO", "video", null],
      ["AUDIO", "audio", null],
      ["FILE", "file", null],
      ["TEXT", "share", "Blue sofa"],
      ["STICKER", "sticker", null],
    ]);
  });

  it("keeps a quick reply's payload and turns a postback into the customer's words, with its m.me referral", () => {
    expect(events(quickReply)[0]).toMatchObject({ text: "Blue", attachments: [{ kind: "interactive", meta: { quickReplyPayload: "COLOR_BLUE" } }] });
    expect(events(postback)[0]).toMatchObject({
      kind: "message",
      externalId: "m_pb1",
      text: "Get Started",
      referral: { kind: "link", ref: "spring-sale", source: "SHORTLINK" },
    });
  });

  it("keys a postback without a mid by customer and time, the same on redelivery", () => {
    const old = structuredClone(postback) as typeof postback;
    delete (old.entry[0].messaging[0].postback as { mid?: string }).mid;
    expect(events(old)[0]).toMatchObject({ externalId: `postback:${PSID}:1764846239000` });
  });

  it("reads a Click-to-Messenger ad as an ad referral on the first message", () => {
    expect(events(adReferral)[0]).toMatchObject({
      referral: { kind: "ad", adId: "6045246247433", source: "ADS", headline: "Blue sofa -20%", adContext: { postId: "109876543210987_555" } },
    });
  });

  it("reads reactions, reads by watermark, and per-message deliveries", () => {
    expect(events(reaction)[0]).toMatchObject({ kind: "reaction", targetExternalId: "m_reply1", emoji: "❤️", action: "react" });
    expect(events(read)[0]).toMatchObject({ kind: "read", watermark: new Date(1764846300000) });
    expect(events(delivery)).toMatchObject([
      { kind: "status", externalId: "m_reply1", status: "DELIVERED" },
      { kind: "status", externalId: "m_reply2", status: "DELIVERED" },
    ]);
  });

  it("turns an echo into an outbound message in the customer's thread, and an unsend into a deletion", () => {
    expect(events(echo)[0]).toMatchObject({ kind: "message", direction: "OUTBOUND", isEcho: true, participant: { id: PSID }, businessAccountId: PAGE });
    expect(events(deleted)[0]).toMatchObject({ kind: "message_deleted", participant: { id: PSID } });
  });

  it("marks standby messages (a chatbot holds the thread)", () => {
    const [item] = parseMessengerWebhook(standby);
    expect(item.path).toBe("entry.0.standby.0");
    expect(item.events[0]).toMatchObject({ kind: "message", standby: true, text: "Hello? Is a person there?" });
  });

  it("costs one odd item only itself", () => {
    const payload = structuredClone(text) as { entry: { messaging: unknown[] }[] };
    payload.entry[0].messaging.unshift({ sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 1, message: { text: "no mid" } });
    const items = parseMessengerWebhook(payload);
    expect(items).toHaveLength(2);
    expect(items[0].error).toContain("entry.0.messaging.0.message.mid");
    expect(items[0].events[0]).toMatchObject({ type: "UNSUPPORTED" });
    expect(items[1].events[0]).toMatchObject({ text: "Hi, are you open on Sundays?" });
  });

  it("refuses only an unusable envelope", () => {
    expect(() => parseMessengerWebhook({ object: "page" })).toThrow(/entry/);
  });
});
