import { describe, expect, it } from "vitest";
import { WebhookPayloadError } from "../types";
import batched from "./fixtures/batched.json";
import messageAdReferral from "./fixtures/message-ad-referral.json";
import messageDeleted from "./fixtures/message-deleted.json";
import messageEcho from "./fixtures/message-echo.json";
import messageImage from "./fixtures/message-image.json";
import messageText from "./fixtures/message-text.json";
import postback from "./fixtures/postback.json";
import reaction from "./fixtures/reaction.json";
import read from "./fixtures/read.json";
import storyReply from "./fixtures/story-reply.json";
import { parseInstagramWebhook as parseItems } from "./parse-webhook";

const parseInstagramWebhook = (payload: unknown) => parseItems(payload).flatMap((item) => item.events);

const ACCOUNT = "17841400000000001";
const CUSTOMER = "6543210987654321";

/** A one-item delivery from the customer, for the variants the shared fixtures do not cover. */
function inbound(event: Record<string, unknown>, timestamp = 1763740799000) {
  return {
    object: "instagram",
    entry: [{ id: ACCOUNT, time: timestamp + 1000, messaging: [{ sender: { id: CUSTOMER }, recipient: { id: ACCOUNT }, timestamp, ...event }] }],
  };
}

const withMessage = (message: Record<string, unknown>) => inbound({ message: { mid: "mid.1", ...message } });

describe("parseInstagramWebhook: fixtures", () => {
  it("text message", () => {
    expect(parseInstagramWebhook(messageText)).toEqual([
      {
        channel: "instagram",
        kind: "message",
        businessAccountId: ACCOUNT,
        participant: { id: CUSTOMER },
        timestamp: new Date(1763740799000),
        direction: "INBOUND",
        externalId: messageText.entry[0].messaging[0].message.mid,
        type: "TEXT",
        text: "Hi! Is the blue sofa still available?",
        attachments: [],
      },
    ]);
  });

  it("image attachment", () => {
    const [event] = parseInstagramWebhook(messageImage);
    expect(event).toMatchObject({
      kind: "message",
      type: "IMAGE",
      text: null,
      attachments: [{ kind: "image", url: "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1234567890&signature=abc" }],
    });
  });

  it("echo: outbound, keyed by the customer, business is the sender", () => {
    const [event] = parseInstagramWebhook(messageEcho);
    expect(event).toMatchObject({
      kind: "message",
      direction: "OUTBOUND",
      isEcho: true,
      businessAccountId: ACCOUNT,
      participant: { id: CUSTOMER },
      text: "Yes it is! Want me to hold it for you?",
    });
  });

  it("unsend becomes message_deleted", () => {
    expect(parseInstagramWebhook(messageDeleted)).toEqual([
      {
        channel: "instagram",
        kind: "message_deleted",
        businessAccountId: ACCOUNT,
        participant: { id: CUSTOMER },
        timestamp: new Date(1763740979000),
        externalId: messageDeleted.entry[0].messaging[0].message.mid,
      },
    ]);
  });

  it("read receipt", () => {
    const [event] = parseInstagramWebhook(read);
    expect(event).toEqual({
      channel: "instagram",
      kind: "read",
      businessAccountId: ACCOUNT,
      participant: { id: CUSTOMER },
      timestamp: new Date(1763741039000),
      upToExternalId: read.entry[0].messaging[0].read.mid,
    });
  });

  it("reaction", () => {
    const [event] = parseInstagramWebhook(reaction);
    expect(event).toMatchObject({
      kind: "reaction",
      targetExternalId: reaction.entry[0].messaging[0].reaction.mid,
      emoji: "❤️",
      action: "react",
      participant: { id: CUSTOMER },
    });
  });

  it("postback reads as the customer typing the button title", () => {
    const [event] = parseInstagramWebhook(postback);
    expect(event).toMatchObject({
      kind: "message",
      direction: "INBOUND",
      type: "TEXT",
      text: "Book a viewing",
      externalId: postback.entry[0].messaging[0].postback.mid,
      attachments: [{ kind: "interactive", meta: { postbackPayload: "BOOK_VIEWING" } }],
    });
  });

  it("story reply carries the story and the text", () => {
    const [event] = parseInstagramWebhook(storyReply);
    expect(event).toMatchObject({
      kind: "message",
      type: "STORY_REPLY",
      text: "Love this colour, what's the price?",
      participant: { id: "7654321098765432" },
      attachments: [{ kind: "story", url: "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=2345678901", meta: { storyId: "18000000000000001" } }],
    });
  });

  it("batched delivery yields every item of every entry, in order", () => {
    const events = parseInstagramWebhook(batched);
    expect(events.map((event) => (event.kind === "message" ? [event.participant.id, event.text] : null))).toEqual([
      ["8765432109876543", "Hello"],
      ["8765432109876543", "Do you ship to Porto?"],
      ["9876543210987654", "Price list please"],
    ]);
  });
});

describe("parseInstagramWebhook: message kinds", () => {
  it.each([
    ["video", "VIDEO"],
    ["audio", "AUDIO"],
    ["file", "FILE"],
  ] as const)("%s attachment → %s", (type, messageType) => {
    const [event] = parseInstagramWebhook(withMessage({ attachments: [{ type, payload: { url: "https://cdn/x" } }] }));
    expect(event).toMatchObject({ type: messageType, text: null, attachments: [{ kind: type, url: "https://cdn/x" }] });
  });

  it("story mention → STORY_REPLY with a story_mention attachment and a readable text", () => {
    const [event] = parseInstagramWebhook(withMessage({ attachments: [{ type: "story_mention", payload: { url: "https://cdn/story" } }] }));
    expect(event).toMatchObject({
      type: "STORY_REPLY",
      text: "Mentioned you in their story",
      attachments: [{ kind: "story_mention", url: "https://cdn/story" }],
    });
  });

  it("shared reel → TEXT with a share attachment", () => {
    const [event] = parseInstagramWebhook(
      withMessage({ attachments: [{ type: "ig_reel", payload: { url: "https://cdn/reel", title: "Our new sofa", reel_video_id: 123 } }] }),
    );
    expect(event).toMatchObject({
      type: "TEXT",
      text: "Our new sofa",
      attachments: [{ kind: "share", url: "https://cdn/reel", meta: { type: "ig_reel", title: "Our new sofa", reelVideoId: "123" } }],
    });
  });

  it("shared post without a title gets a placeholder", () => {
    const [event] = parseInstagramWebhook(withMessage({ attachments: [{ type: "share", payload: { url: "https://cdn/post" } }] }));
    expect(event).toMatchObject({ type: "TEXT", text: "Shared a post", attachments: [{ kind: "share" }] });
  });

  it("sticker images become STICKER", () => {
    const [event] = parseInstagramWebhook(withMessage({ attachments: [{ type: "image", payload: { url: "https://cdn/s", sticker_id: 369239263222822 } }] }));
    expect(event).toMatchObject({ type: "STICKER", attachments: [{ kind: "sticker", meta: { stickerId: "369239263222822" } }] });
  });

  it("the like heart becomes a STICKER reading ❤️", () => {
    const [event] = parseInstagramWebhook(withMessage({ attachments: [{ type: "like_heart" }] }));
    expect(event).toMatchObject({ type: "STICKER", text: "❤️" });
  });

  it("an unknown attachment type → UNSUPPORTED naming it", () => {
    const [event] = parseInstagramWebhook(withMessage({ attachments: [{ type: "hologram", payload: { url: "https://cdn/h" } }] }));
    expect(event).toMatchObject({ type: "UNSUPPORTED", text: "Sent something this inbox can't show (hologram). Open Instagram to see it." });
  });

  it("is_unsupported → UNSUPPORTED with a placeholder", () => {
    const [event] = parseInstagramWebhook(withMessage({ is_unsupported: true }));
    expect(event).toMatchObject({
      type: "UNSUPPORTED",
      text: "Sent a message this inbox can't show yet. Open Instagram to see it.",
      attachments: [{ kind: "unsupported", meta: { raw: { mid: "mid.1", is_unsupported: true } } }],
    });
  });

  it("a message with neither text nor attachments → UNSUPPORTED", () => {
    expect(parseInstagramWebhook(withMessage({}))[0]).toMatchObject({ type: "UNSUPPORTED" });
  });

  it("reply_to.mid → replyToExternalId", () => {
    const [event] = parseInstagramWebhook(withMessage({ text: "this one", reply_to: { mid: "mid.earlier" } }));
    expect(event).toMatchObject({ type: "TEXT", replyToExternalId: "mid.earlier" });
  });

  it("quick reply keeps the text and the payload", () => {
    const [event] = parseInstagramWebhook(withMessage({ text: "Yes, please", quick_reply: { payload: "YES" } }));
    expect(event).toMatchObject({ type: "TEXT", text: "Yes, please", attachments: [{ kind: "interactive", meta: { quickReplyPayload: "YES" } }] });
  });

  it("unreact → reaction with a null emoji", () => {
    const [event] = parseInstagramWebhook(inbound({ reaction: { mid: "mid.9", action: "unreact" } }));
    expect(event).toMatchObject({ kind: "reaction", action: "unreact", emoji: null, targetExternalId: "mid.9" });
  });

  it("a reaction the business made in the Instagram app is keyed by the customer and marked as the business's", () => {
    const delivery = {
      object: "instagram",
      entry: [{ id: ACCOUNT, time: 1763740800000, messaging: [{ sender: { id: ACCOUNT }, recipient: { id: CUSTOMER }, timestamp: 1763740799000, reaction: { mid: "mid.7", action: "react", reaction: "love", emoji: "❤️" } }] }],
    };
    const [event] = parseInstagramWebhook(delivery);
    expect(event).toMatchObject({ kind: "reaction", participant: { id: CUSTOMER }, businessAccountId: ACCOUNT, fromBusiness: true, emoji: "❤️" });
    expect(parseInstagramWebhook(inbound({ reaction: { mid: "mid.7", action: "react", emoji: "❤️" } }))[0]).not.toHaveProperty("fromBusiness");
  });

  it("message_edit → message_edited", () => {
    const [event] = parseInstagramWebhook(inbound({ message_edit: { mid: "mid.5", text: "Fixed typo", num_edit: 1 } }));
    expect(event).toMatchObject({ kind: "message_edited", externalId: "mid.5", text: "Fixed typo" });
  });

  it("read with a watermark", () => {
    const [event] = parseInstagramWebhook(inbound({ read: { watermark: 1763741000000 } }));
    expect(event).toMatchObject({ kind: "read", watermark: new Date(1763741000000) });
    expect(event).not.toHaveProperty("upToExternalId");
  });

  it("timestamps in seconds are read as seconds", () => {
    const [event] = parseInstagramWebhook(inbound({ message: { mid: "m", text: "hi" } }, 1763740799));
    expect(event.timestamp).toEqual(new Date(1763740799000));
  });

  it("events without a messaging array (comments, mentions) yield nothing", () => {
    expect(parseInstagramWebhook({ object: "instagram", entry: [{ id: ACCOUNT, time: 1, changes: [{ field: "comments", value: {} }] }] })).toEqual([]);
  });

  it("unknown fields are tolerated and unknown event kinds are skipped", () => {
    const events = parseInstagramWebhook(inbound({ optin: { ref: "x" }, message: { mid: "m1", text: "hi", brand_new_field: { a: 1 } } }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ text: "hi" });
  });
});

describe("parseInstagramWebhook: referrals", () => {
  it("a click-to-Instagram-Direct ad → an ad referral with the ad's id, ref and title", () => {
    expect(parseInstagramWebhook(messageAdReferral)).toMatchObject([
      {
        kind: "message",
        text: "Hi, I saw your ad, what sizes do you have?",
        referral: {
          kind: "ad",
          source: "ADS",
          adId: "120219876543210987",
          ref: "spring_campaign",
          headline: "Linen sofas for spring",
          adContext: { title: "Linen sofas for spring", photoUrl: "https://scontent.example/ad-photo.jpg", postId: "17900000000000001" },
        },
      },
    ]);
  });

  it("an ig.me link with a ref → a link referral; a tapped postback carries its referral too", () => {
    const link = inbound({ message: { mid: "m.link", text: "hi", referral: { ref: "shop_window", source: "SHORTLINK", type: "OPEN_THREAD" } } });
    expect(parseInstagramWebhook(link)).toMatchObject([{ referral: { kind: "link", ref: "shop_window", source: "SHORTLINK" } }]);
    const tapped = inbound({ postback: { mid: "m.pb", title: "Start", payload: "GET_STARTED", referral: { ref: "qr_code", source: "SHORTLINK", type: "OPEN_THREAD" } } });
    expect(parseInstagramWebhook(tapped)).toMatchObject([{ kind: "message", text: "Start", referral: { kind: "link", ref: "qr_code" } }]);
  });
});

describe("parseInstagramWebhook: one odd item costs only itself", () => {
  it("refuses only an envelope without an entry array", () => {
    for (const payload of [{ object: "instagram" }, "hello", { entry: {} }]) expect(() => parseItems(payload)).toThrow(WebhookPayloadError);
  });

  it.each([
    ["a string timestamp", { sender: { id: CUSTOMER }, recipient: { id: ACCOUNT }, timestamp: "1763740800000", message: { mid: "m.s", text: "x" } }, { text: "x", timestamp: new Date(1763740800000) }],
    ["seconds instead of milliseconds", { sender: { id: CUSTOMER }, recipient: { id: ACCOUNT }, timestamp: 1763740800, message: { mid: "m.s", text: "x" } }, { timestamp: new Date(1763740800000) }],
    ["a numeric id and text", { sender: { id: 42 }, recipient: { id: ACCOUNT }, timestamp: 1763740800000, message: { mid: "m.n", text: 7 } }, { participant: { id: "42" }, text: "7" }],
    ["null and empty optional fields", { sender: { id: CUSTOMER }, recipient: { id: ACCOUNT }, timestamp: 1763740800000, message: { mid: "m.e", text: "hi", reply_to: null, attachments: null, quick_reply: "", referral: null } }, { text: "hi" }],
  ])("accepts %s", (_name, item, expected) => {
    expect(parseInstagramWebhook({ object: "instagram", entry: [{ id: ACCOUNT, messaging: [item] }] })).toMatchObject([expected]);
  });

  it("an un-reaction with a null emoji", () => {
    const payload = inbound({ reaction: { mid: "m.r", action: "unreact", emoji: null, reaction: null } });
    expect(parseInstagramWebhook(payload)).toMatchObject([{ kind: "reaction", action: "unreact", emoji: null }]);
  });

  it("an entry without id: the recipient names the account", () => {
    const payload = { object: "instagram", entry: [{ messaging: [{ sender: { id: CUSTOMER }, recipient: { id: ACCOUNT }, timestamp: 1763740800000, message: { mid: "m.x", text: "hi" } }] }] };
    expect(parseInstagramWebhook(payload)).toMatchObject([{ businessAccountId: ACCOUNT, participant: { id: CUSTOMER } }]);
  });

  it("a first item without mid becomes an UNSUPPORTED message with its raw JSON; the valid one after it is read", () => {
    const bad = { sender: { id: CUSTOMER }, recipient: { id: ACCOUNT }, timestamp: 1763740800000, message: { text: "no mid" } };
    const good = { sender: { id: CUSTOMER }, recipient: { id: ACCOUNT }, timestamp: 1763740801000, message: { mid: "m.good", text: "hello" } };
    const items = parseItems({ object: "instagram", entry: [{ id: ACCOUNT, messaging: [bad, good] }] });
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ path: "entry.0.messaging.0", error: expect.stringMatching(/entry\.0\.messaging\.0\.message\.mid/) });
    expect(items[0].events).toMatchObject([
      { kind: "message", type: "UNSUPPORTED", direction: "INBOUND", participant: { id: CUSTOMER }, attachments: [{ kind: "unsupported", meta: { raw: bad } }] },
    ]);
    const [unsupported] = items[0].events;
    expect(unsupported.kind === "message" && unsupported.externalId).toMatch(/^unreadable:[0-9a-f]{40}$/);
    // The same bytes again (Meta's redelivery, a replay) get the same key: stored once.
    expect(parseItems({ object: "instagram", entry: [{ id: ACCOUNT, messaging: [structuredClone(bad)] }] })[0].events).toEqual(items[0].events.map((event) => ({ ...event, timestamp: expect.any(Date) })));
    expect(items[1]).toEqual({ path: "entry.0.messaging.1", events: [expect.objectContaining({ externalId: "m.good", text: "hello" })] });
  });

  it("an item with no sender is only recorded, with its error", () => {
    const items = parseItems({ object: "instagram", entry: [{ id: ACCOUNT, messaging: [{ recipient: { id: ACCOUNT }, message: { mid: "m", text: "x" } }] }] });
    expect(items).toEqual([{ path: "entry.0.messaging.0", events: [], error: expect.stringContaining("entry.0.messaging.0.sender") }]);
  });

  it("an unknown attachment type is UNSUPPORTED with the raw message kept", () => {
    const [event] = parseInstagramWebhook(withMessage({ attachments: [{ type: "hologram", payload: { url: "https://x" } }] }));
    expect(event).toMatchObject({ kind: "message", type: "UNSUPPORTED" });
  });

  it("an item of an unknown kind yields nothing, without an error", () => {
    expect(parseItems(inbound({ brand_new_kind: { mid: "m" } }))).toEqual([{ path: "entry.0.messaging.0", events: [] }]);
  });

  it("names the offending field of a message it can't read", () => {
    const items = parseItems(withMessage({ attachments: [{ payload: {} }] }));
    expect(items[0].error).toMatch(/entry\.0\.messaging\.0\.message\.attachments\.0\.type/);
  });
});

describe("parseInstagramWebhook: handover protocol", () => {
  it("reads standby[] items as the customer's messages, marked standby", async () => {
    const standby = (await import("./fixtures/standby.json")).default;
    expect(parseInstagramWebhook(standby)).toEqual([
      expect.objectContaining({ kind: "message", direction: "INBOUND", standby: true, text: "Can a person help me with the delivery date?", participant: { id: CUSTOMER } }),
    ]);
  });

  it("reads messaging_handovers: taken from us by another app, passed back to us", async () => {
    const handover = (await import("./fixtures/handover-take.json")).default;
    expect(parseInstagramWebhook(handover)).toEqual([
      { channel: "instagram", kind: "thread_owner", businessAccountId: ACCOUNT, participant: { id: CUSTOMER }, timestamp: new Date(1763740790000), ours: false, otherAppId: "263902037430900" },
      { channel: "instagram", kind: "thread_owner", businessAccountId: ACCOUNT, participant: { id: CUSTOMER }, timestamp: new Date(1763740799000), ours: true, otherAppId: "263902037430900" },
    ]);
  });

  it("keeps an echo on standby (the chatbot's own reply) an echo, not a customer message", () => {
    const payload = {
      object: "instagram",
      entry: [{ id: ACCOUNT, standby: [{ sender: { id: ACCOUNT }, recipient: { id: CUSTOMER }, timestamp: 1763740799000, message: { mid: "mid.bot", text: "Hi! I'm the shop bot", is_echo: true } }] }],
    };
    expect(parseInstagramWebhook(payload)).toEqual([expect.objectContaining({ direction: "OUTBOUND", isEcho: true })]);
    expect(parseInstagramWebhook(payload)[0]).not.toHaveProperty("standby");
  });
});
