import { describe, expect, it } from "vitest";
import { WebhookPayloadError } from "../types";
import messageImage from "./fixtures/message-image.json";
import messageAdReferral from "./fixtures/message-ad-referral.json";
import messagePhoneAndBsuid from "./fixtures/message-phone-and-bsuid.json";
import messageText from "./fixtures/message-text.json";
import messageUsernameOnly from "./fixtures/message-username-only.json";
import statusDeliveredRead from "./fixtures/status-delivered-read.json";
import statusFailed from "./fixtures/status-failed.json";
import { parseWhatsAppWebhook as parseItems } from "./parse-webhook";

const parseWhatsAppWebhook = (payload: unknown) => parseItems(payload).flatMap((item) => item.events);

const PHONE_NUMBER_ID = "106540352242922";
const WA_ID = "351912345678";
const maria = { id: WA_ID, phone: "+351912345678", name: "Maria Silva" };

/** A one-message delivery from Maria, for the message types the shared fixtures do not cover. */
function inbound(message: Record<string, unknown>) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550783881", phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: "Maria Silva" }, wa_id: WA_ID }],
              messages: [{ from: WA_ID, id: "wamid.X", timestamp: "1763740800", ...message }],
            },
          },
        ],
      },
    ],
  };
}

const parseOne = (message: Record<string, unknown>) => {
  const events = parseWhatsAppWebhook(inbound(message));
  expect(events).toHaveLength(1);
  return events[0];
};

describe("parseWhatsAppWebhook: fixtures", () => {
  it("text message with the contact's profile name", () => {
    expect(parseWhatsAppWebhook(messageText)).toEqual([
      {
        channel: "whatsapp",
        kind: "message",
        businessAccountId: PHONE_NUMBER_ID,
        participant: maria,
        timestamp: new Date(1763740800 * 1000),
        direction: "INBOUND",
        externalId: messageText.entry[0].changes[0].value.messages[0].id,
        type: "TEXT",
        text: "Good morning, can I get a quote for 3 chairs?",
        attachments: [],
      },
    ]);
  });

  it("image keeps media id, mime type and caption, and no URL", () => {
    const [event] = parseWhatsAppWebhook(messageImage);
    expect(event).toMatchObject({
      kind: "message",
      type: "IMAGE",
      text: "This one",
      attachments: [{ kind: "image", mediaId: "1473567290098372", mimeType: "image/jpeg", caption: "This one" }],
    });
    expect(event.kind === "message" && event.attachments[0].url).toBeUndefined();
  });

  it("delivered and read statuses, keyed by the recipient", () => {
    expect(parseWhatsAppWebhook(statusDeliveredRead)).toEqual([
      {
        channel: "whatsapp",
        kind: "status",
        businessAccountId: PHONE_NUMBER_ID,
        participant: { id: WA_ID, phone: "+351912345678" },
        timestamp: new Date(1763740930 * 1000),
        externalId: "wamid.OUTBOUND_MESSAGE_ID",
        status: "DELIVERED",
      },
      {
        channel: "whatsapp",
        kind: "status",
        businessAccountId: PHONE_NUMBER_ID,
        participant: { id: WA_ID, phone: "+351912345678" },
        timestamp: new Date(1763740990 * 1000),
        externalId: "wamid.OUTBOUND_MESSAGE_ID",
        status: "READ",
      },
    ]);
  });

  it("failed status carries Meta's error", () => {
    const [event] = parseWhatsAppWebhook(statusFailed);
    expect(event).toMatchObject({
      kind: "status",
      status: "FAILED",
      error: {
        code: "131047",
        title: "Re-engagement message",
        details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
      },
    });
  });
});

describe("parseWhatsAppWebhook: message types", () => {
  it("video", () => {
    expect(parseOne({ type: "video", video: { id: "v1", mime_type: "video/mp4" } })).toMatchObject({
      type: "VIDEO",
      text: null,
      attachments: [{ kind: "video", mediaId: "v1", mimeType: "video/mp4" }],
    });
  });

  it("voice note", () => {
    expect(parseOne({ type: "audio", audio: { id: "a1", mime_type: "audio/ogg; codecs=opus", voice: true } })).toMatchObject({
      type: "AUDIO",
      attachments: [{ kind: "audio", mediaId: "a1", mimeType: "audio/ogg; codecs=opus", meta: { voice: true } }],
    });
  });

  it("document → FILE with its filename", () => {
    expect(parseOne({ type: "document", document: { id: "d1", mime_type: "application/pdf", filename: "quote.pdf", caption: "Quote" } })).toMatchObject({
      type: "FILE",
      text: "Quote",
      attachments: [{ kind: "file", mediaId: "d1", filename: "quote.pdf", caption: "Quote" }],
    });
  });

  it("sticker", () => {
    expect(parseOne({ type: "sticker", sticker: { id: "s1", mime_type: "image/webp", animated: false } })).toMatchObject({
      type: "STICKER",
      attachments: [{ kind: "sticker", mediaId: "s1" }],
    });
  });

  it("location → readable text plus coordinates", () => {
    expect(
      parseOne({
        type: "location",
        location: { latitude: 41.1496, longitude: -8.611, name: "Showroom Porto", address: "Rua de Santa Catarina 100, Porto" },
      }),
    ).toMatchObject({
      type: "TEXT",
      text: "📍 Location: Showroom Porto, Rua de Santa Catarina 100, Porto",
      attachments: [{ kind: "location", meta: { latitude: 41.1496, longitude: -8.611, name: "Showroom Porto" } }],
    });
  });

  it("location without a name falls back to coordinates", () => {
    expect(parseOne({ type: "location", location: { latitude: 1.5, longitude: 2.5 } })).toMatchObject({ text: "📍 Location: 1.5, 2.5" });
  });

  it("shared contacts → readable summary", () => {
    const event = parseOne({
      type: "contacts",
      contacts: [
        { name: { formatted_name: "João Pereira" }, phones: [{ phone: "+351 913 456 789", wa_id: "351913456789" }] },
        { name: { first_name: "Rita", last_name: "Sousa" } },
      ],
    });
    expect(event).toMatchObject({ type: "TEXT", text: "👤 Contacts: João Pereira (+351 913 456 789); Rita Sousa", attachments: [{ kind: "contacts" }] });
  });

  it("button reply → the tapped title, quoting the business message", () => {
    expect(
      parseOne({ type: "interactive", context: { from: "15550783881", id: "wamid.ASK" }, interactive: { type: "button_reply", button_reply: { id: "book", title: "Book a viewing" } } }),
    ).toMatchObject({
      type: "TEXT",
      text: "Book a viewing",
      replyToExternalId: "wamid.ASK",
      attachments: [{ kind: "interactive", meta: { type: "button_reply", id: "book" } }],
    });
  });

  it("list reply → the picked row title", () => {
    expect(
      parseOne({ type: "interactive", interactive: { type: "list_reply", list_reply: { id: "row2", title: "Tuesday 10:00", description: "Porto" } } }),
    ).toMatchObject({ type: "TEXT", text: "Tuesday 10:00", attachments: [{ kind: "interactive", meta: { type: "list_reply", id: "row2" } }] });
  });

  it("template quick-reply button → its text", () => {
    expect(parseOne({ type: "button", context: { id: "wamid.T" }, button: { payload: "CONFIRM_ORDER", text: "Confirm" } })).toMatchObject({
      type: "TEXT",
      text: "Confirm",
      replyToExternalId: "wamid.T",
      attachments: [{ kind: "interactive", meta: { type: "button", payload: "CONFIRM_ORDER" } }],
    });
  });

  it("quoted text reply → replyToExternalId", () => {
    expect(parseOne({ type: "text", context: { from: "15550783881", id: "wamid.Q" }, text: { body: "this" } })).toMatchObject({ replyToExternalId: "wamid.Q" });
  });

  it("reaction → reaction event", () => {
    expect(parseOne({ type: "reaction", reaction: { message_id: "wamid.M", emoji: "👍" } })).toEqual({
      channel: "whatsapp",
      kind: "reaction",
      businessAccountId: PHONE_NUMBER_ID,
      participant: maria,
      timestamp: new Date(1763740800 * 1000),
      targetExternalId: "wamid.M",
      emoji: "👍",
      action: "react",
    });
  });

  it.each([[{ message_id: "wamid.M", emoji: "" }], [{ message_id: "wamid.M" }]])("removed reaction %j → unreact", (reaction) => {
    expect(parseOne({ type: "reaction", reaction })).toMatchObject({ kind: "reaction", action: "unreact", emoji: null });
  });

  it("edit → message_edited on the original message, with the new text", () => {
    expect(
      parseOne({ type: "edit", edit: { original_message_id: "wamid.ORIG", message: { context: { id: "wamid.ORIG" }, type: "text", text: { body: "3 chairs, not 2" } } } }),
    ).toEqual({
      channel: "whatsapp",
      kind: "message_edited",
      businessAccountId: PHONE_NUMBER_ID,
      participant: maria,
      timestamp: new Date(1763740800 * 1000),
      externalId: "wamid.ORIG",
      text: "3 chairs, not 2",
    });
  });

  it("edited media caption → message_edited with the caption", () => {
    expect(parseOne({ type: "edit", edit: { original_message_id: "wamid.IMG", message: { type: "image", image: { caption: "the blue one" } } } })).toMatchObject({
      kind: "message_edited",
      externalId: "wamid.IMG",
      text: "the blue one",
    });
  });

  it("an edit without text yields nothing", () => {
    expect(parseWhatsAppWebhook(inbound({ type: "edit", edit: { original_message_id: "wamid.S", message: { type: "sticker" } } }))).toEqual([]);
  });

  it("unsupported → placeholder", () => {
    expect(parseOne({ type: "unsupported", errors: [{ code: 131051, title: "Message type unknown" }] })).toMatchObject({
      kind: "message",
      type: "UNSUPPORTED",
      text: "Sent a message this inbox can't show yet. Check WhatsApp on the business phone.",
    });
  });

  it("order → placeholder naming the type", () => {
    expect(parseOne({ type: "order", order: { catalog_id: "1", product_items: [] } })).toMatchObject({
      type: "UNSUPPORTED",
      text: "Sent a message this inbox can't show yet (order). Check WhatsApp on the business phone.",
    });
  });

  it("a number-change system message → the identity change first, then its own text", () => {
    const events = parseWhatsAppWebhook(
      inbound({ type: "system", system: { body: "Maria changed their phone number", type: "user_changed_number", wa_id: "351934000111", user_id: "PT.77" } }),
    );
    expect(events).toMatchObject([
      { kind: "identity_changed", participant: { id: WA_ID }, newPhone: "351934000111", newBsuid: "PT.77" },
      { kind: "message", type: "UNSUPPORTED", text: "ℹ️ Maria changed their phone number", participant: { id: "351934000111", bsuid: "PT.77" } },
    ]);
  });

  it("other system messages → their own text only", () => {
    expect(parseOne({ type: "system", system: { body: "Something happened", type: "customer_identity_changed" } })).toMatchObject({
      type: "UNSUPPORTED",
      text: "ℹ️ Something happened",
    });
  });

  it("a media type without its media object → UNSUPPORTED", () => {
    expect(parseOne({ type: "image" })).toMatchObject({ type: "UNSUPPORTED" });
  });

  it("a sender missing from contacts has no name", () => {
    const payload = inbound({ type: "text", text: { body: "hi" } });
    payload.entry[0].changes[0].value.contacts = [];
    expect(parseWhatsAppWebhook(payload)[0].participant).toEqual({ id: WA_ID, phone: "+351912345678" });
  });
});

describe("parseWhatsAppWebhook: identities (business-scoped user ids)", () => {
  it("a username-only customer: no phone, known by BSUID, with the username", () => {
    const [event] = parseWhatsAppWebhook(messageUsernameOnly);
    expect(event.participant).toEqual({ id: "PT.1502576394655843", bsuid: "PT.1502576394655843", name: "Rui M.", username: "rui.moveis" });
  });

  it("phone and BSUID: known by phone, keeping the BSUID", () => {
    const [event] = parseWhatsAppWebhook(messagePhoneAndBsuid);
    expect(event.participant).toEqual({ id: "351912345678", phone: "+351912345678", bsuid: "PT.2209871234567701", name: "Marta Sousa" });
  });

  it("empty phone fields, as Meta's examples send them, count as absent", () => {
    const payload = inbound({ type: "text", text: { body: "hi" }, from: "", from_user_id: "PT.9" });
    payload.entry[0].changes[0].value.contacts = [{ profile: { name: "Rui" }, wa_id: "", user_id: "PT.9" } as never];
    expect(parseWhatsAppWebhook(payload)[0].participant).toEqual({ id: "PT.9", bsuid: "PT.9", name: "Rui" });
  });

  it("a message with neither phone nor BSUID is only recorded, with its error", () => {
    expect(parseItems(inbound({ type: "text", text: { body: "hi" }, from: "" }))).toEqual([
      { path: "entry.0.changes.0.value.messages.0", events: [], error: expect.stringContaining("needs from or from_user_id") },
    ]);
  });

  it("a status to a username-only customer names them by BSUID", () => {
    const payload = {
      object: "whatsapp_business_account",
      entry: [{ id: "1", changes: [{ field: "messages", value: {
        messaging_product: "whatsapp",
        metadata: { phone_number_id: PHONE_NUMBER_ID },
        statuses: [{ id: "wamid.S", status: "delivered", timestamp: "1763740800", recipient_id: "", recipient_user_id: "PT.9" }],
      } }] }],
    };
    expect(parseWhatsAppWebhook(payload)).toMatchObject([{ kind: "status", status: "DELIVERED", participant: { id: "PT.9", bsuid: "PT.9" } }]);
  });
});

describe("parseWhatsAppWebhook: referrals", () => {
  it("a click-to-WhatsApp ad → an ad referral with its id, headline and click id", () => {
    const [event] = parseWhatsAppWebhook(messageAdReferral);
    expect(event).toMatchObject({ kind: "message", referral: { kind: "ad", source: "ad" } });
    const referral = event.kind === "message" ? event.referral : undefined;
    expect(referral?.adId).toBe("120211234567890123");
    expect(referral?.clickId).toMatch(/^ARAk/);
  });

  it("a tap through from a post → organic", () => {
    expect(parseOne({ type: "text", text: { body: "hi" }, referral: { source_type: "post", source_id: "123", source_url: "https://fb.me/x" } })).toMatchObject({
      referral: { kind: "organic", source: "post", url: "https://fb.me/x" },
    });
  });
});

describe("parseWhatsAppWebhook: envelopes", () => {
  it("messages and statuses in several entries and changes all yield events", () => {
    const text = inbound({ type: "text", text: { body: "one" } });
    const events = parseWhatsAppWebhook({
      object: "whatsapp_business_account",
      entry: [
        { id: "1", changes: [text.entry[0].changes[0], statusDeliveredRead.entry[0].changes[0]] },
        { id: "2", changes: [statusFailed.entry[0].changes[0]] },
      ],
    });
    expect(events.map((event) => (event.kind === "status" ? event.status : event.kind))).toEqual(["message", "DELIVERED", "READ", "FAILED"]);
  });

  it("skips changes of other fields, whatever their shape", () => {
    expect(
      parseWhatsAppWebhook({
        object: "whatsapp_business_account",
        entry: [{ id: "1", changes: [{ field: "message_template_status_update", value: { event: "APPROVED", message_template_id: 1 } }] }],
      }),
    ).toEqual([]);
  });

  it("skips status kinds that say nothing about delivery", () => {
    const payload = structuredClone(statusDeliveredRead);
    payload.entry[0].changes[0].value.statuses[0].status = "deleted";
    expect(parseWhatsAppWebhook(payload)).toHaveLength(1);
  });

  it("tolerates unknown fields", () => {
    expect(parseOne({ type: "text", text: { body: "hi", extra: 1 }, referral: { source_url: "https://ad" }, brand_new: true })).toMatchObject({ text: "hi" });
  });

  it("refuses only an envelope without an entry array", () => {
    for (const payload of [{ object: "whatsapp_business_account" }, "hello", { entry: {} }]) expect(() => parseItems(payload)).toThrow(WebhookPayloadError);
  });

  it("a change without metadata still yields its messages (the account is resolved at ingest)", () => {
    const payload = inbound({ type: "text", text: { body: "x" } });
    delete (payload.entry[0].changes[0].value as { metadata?: unknown }).metadata;
    expect(parseWhatsAppWebhook(payload)).toMatchObject([{ businessAccountId: "", text: "x" }]);
  });

  it.each([
    ["a numeric timestamp", { type: "text", text: { body: "x" }, timestamp: 1763740800 }, { timestamp: new Date(1763740800000) }],
    ["a timestamp in milliseconds", { type: "text", text: { body: "x" }, timestamp: "1763740800000" }, { timestamp: new Date(1763740800000) }],
    ["a numeric text body", { type: "text", text: { body: 5 } }, { text: "5" }],
    ["a string latitude", { type: "location", location: { latitude: "41", longitude: -8 } }, { attachments: [{ kind: "location", meta: { latitude: 41, longitude: -8 } }] }],
    ["a location with a null name", { type: "location", location: { latitude: 41, longitude: -8, name: null, address: "" } }, { text: "📍 Location: 41, -8" }],
    ["a location without type", { type: undefined, location: { latitude: 41, longitude: -8, name: "Shop" } }, { text: "📍 Location: Shop" }],
    ["empty strings for optional fields", { type: "text", text: { body: "x" }, context: "", referral: null, from_user_id: "" }, { text: "x" }],
  ])("accepts %s", (_name, message, expected) => {
    expect(parseOne(message)).toMatchObject(expected);
  });

  it("a status with a numeric timestamp", () => {
    const payload = structuredClone(statusDeliveredRead) as { entry: Array<{ changes: Array<{ value: { statuses: Array<{ timestamp: unknown }> } }> }> };
    payload.entry[0].changes[0].value.statuses[0].timestamp = 1763740930;
    expect(parseWhatsAppWebhook(payload)[0]).toMatchObject({ kind: "status", timestamp: new Date(1763740930000) });
  });

  it("an unknown type is UNSUPPORTED with its raw JSON kept", () => {
    const raw = { type: "order", order: { catalog_id: "1" } };
    expect(parseOne(raw)).toMatchObject({ type: "UNSUPPORTED", attachments: [{ kind: "unsupported", meta: { raw: expect.objectContaining(raw) } }] });
  });

  it("a message it can't read becomes UNSUPPORTED in its sender's thread; its neighbours are read", () => {
    const payload = inbound({ type: "text", text: { body: "first" } });
    const value = payload.entry[0].changes[0].value;
    value.messages.push({ from: WA_ID, id: "wamid.BAD", timestamp: "1763740801", type: "image", image: { id: { nested: true } } } as never);
    value.messages.push({ from: WA_ID, id: "wamid.THIRD", timestamp: "1763740802", type: "text", text: { body: "third" } } as never);
    const items = parseItems(payload);
    expect(items.map((item) => item.path)).toEqual([0, 1, 2].map((index) => `entry.0.changes.0.value.messages.${index}`));
    expect(items[1]).toMatchObject({
      error: expect.stringContaining("entry.0.changes.0.value.messages.1.image.id"),
      events: [{ kind: "message", type: "UNSUPPORTED", externalId: "wamid.BAD", participant: maria, attachments: [{ kind: "unsupported" }] }],
    });
    expect(items[0].events).toMatchObject([{ text: "first" }]);
    expect(items[2].events).toMatchObject([{ text: "third" }]);
  });

  it("a status it can't read is recorded against the event", () => {
    const payload = structuredClone(statusDeliveredRead) as { entry: Array<{ changes: Array<{ value: { statuses: Array<Record<string, unknown>> } }> }> };
    delete payload.entry[0].changes[0].value.statuses[0].id;
    const items = parseItems(payload);
    expect(items[0]).toEqual({ path: "entry.0.changes.0.value.statuses.0", events: [], error: expect.stringContaining("statuses.0.id") });
    expect(items[1].events).toMatchObject([{ kind: "status", status: "READ" }]);
  });
});
