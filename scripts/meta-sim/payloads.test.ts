// The builders must reproduce Meta's documented examples exactly when given the same ids and times,
// and fill unique ids and the current time when not.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import igBatched from "./fixtures/instagram/batched.json";
import igDeleted from "./fixtures/instagram/message-deleted.json";
import igEcho from "./fixtures/instagram/message-echo.json";
import igImage from "./fixtures/instagram/message-image.json";
import igText from "./fixtures/instagram/message-text.json";
import igPostback from "./fixtures/instagram/postback.json";
import igReaction from "./fixtures/instagram/reaction.json";
import igRead from "./fixtures/instagram/read.json";
import igStoryReply from "./fixtures/instagram/story-reply.json";
import waImage from "./fixtures/whatsapp/message-image.json";
import waText from "./fixtures/whatsapp/message-text.json";
import waStatuses from "./fixtures/whatsapp/status-delivered-read.json";
import waFailed from "./fixtures/whatsapp/status-failed.json";
import {
  instagramAttachment,
  instagramBatch,
  instagramDeleted,
  instagramEcho,
  instagramPostback,
  instagramQuickReply,
  instagramEdit,
  instagramReaction,
  instagramRead,
  instagramStoryMention,
  instagramStoryReply,
  instagramText,
  postWebhook,
  signPayload,
  whatsappBatch,
  whatsappButton,
  whatsappContacts,
  whatsappInteractive,
  whatsappLocation,
  whatsappMedia,
  whatsappEdit,
  whatsappReaction,
  whatsappStatus,
  whatsappText,
  whatsappUnsupported,
} from "./payloads";

describe("Instagram builders match Meta's examples", () => {
  it("text", () => {
    expect(instagramText({ mid: igText.entry[0].messaging[0].message.mid, text: "Hi! Is the blue sofa still available?", timestamp: 1763740799000 })).toEqual(igText);
  });

  it("image", () => {
    const url = "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1234567890&signature=abc";
    expect(instagramAttachment({ type: "image", url, mid: igImage.entry[0].messaging[0].message.mid, timestamp: 1763740859000 })).toEqual(igImage);
  });

  it("echo swaps sender and recipient", () => {
    const mid = igEcho.entry[0].messaging[0].message.mid;
    expect(instagramEcho({ recipientId: "6543210987654321", mid, text: "Yes it is! Want me to hold it for you?", timestamp: 1763740919000 })).toEqual(igEcho);
  });

  it("deleted, read, reaction, postback", () => {
    expect(instagramDeleted({ mid: igDeleted.entry[0].messaging[0].message.mid, timestamp: 1763740979000 })).toEqual(igDeleted);
    expect(instagramRead({ mid: igRead.entry[0].messaging[0].read.mid, timestamp: 1763741039000 })).toEqual(igRead);
    expect(instagramReaction({ mid: igReaction.entry[0].messaging[0].reaction.mid, timestamp: 1763741099000 })).toEqual(igReaction);
    expect(instagramPostback({ mid: igPostback.entry[0].messaging[0].postback.mid, timestamp: 1763741159000 })).toEqual(igPostback);
  });

  it("story reply", () => {
    const message = igStoryReply.entry[0].messaging[0].message;
    expect(
      instagramStoryReply({
        senderId: "7654321098765432",
        mid: message.mid,
        text: message.text,
        storyId: "18000000000000001",
        storyUrl: message.reply_to.story.url,
        timestamp: 1763741219000,
      }),
    ).toEqual(igStoryReply);
  });

  it("batch: groups become entries, entry time follows the newest event", () => {
    const [first, second] = igBatched.entry;
    const built = instagramBatch([
      first.messaging.map((item) => instagramText({ senderId: item.sender.id, mid: item.message.mid, text: item.message.text, timestamp: item.timestamp })),
      second.messaging.map((item) => instagramText({ senderId: item.sender.id, mid: item.message.mid, text: item.message.text, timestamp: item.timestamp })),
    ]);
    expect(built).toEqual(igBatched);
  });

  it("unreact drops reaction and emoji; quick reply and story mention carry their markers", () => {
    expect(instagramReaction({ mid: "m1", action: "unreact" }).entry[0].messaging[0].reaction).toEqual({ mid: "m1", action: "unreact" });
    expect(instagramQuickReply({ payload: "SIZE_L", text: "L" }).entry[0].messaging[0].message).toMatchObject({ text: "L", quick_reply: { payload: "SIZE_L" } });
    expect(instagramStoryMention({ storyUrl: "https://x/s" }).entry[0].messaging[0].message?.attachments).toEqual([
      { type: "story_mention", payload: { url: "https://x/s" } },
    ]);
    expect(instagramAttachment({ type: "video", url: "https://x/v.mp4" }).entry[0].messaging[0].message?.attachments?.[0].type).toBe("video");
  });

  it("edit carries the edited mid, the new text and the edit count", () => {
    expect(instagramEdit({ mid: "m1", text: "fixed", timestamp: 1763741099000 }).entry[0].messaging[0]).toEqual({
      sender: { id: "6543210987654321" },
      recipient: { id: "17841400000000001" },
      timestamp: 1763741099000,
      message_edit: { mid: "m1", text: "fixed", num_edit: 1 },
    });
  });

  it("generates unique mids and the current time when omitted", () => {
    const before = Date.now();
    const mids = new Set(Array.from({ length: 500 }, () => instagramText().entry[0].messaging[0].message?.mid));
    expect(mids.size).toBe(500);
    const item = instagramText({ accountId: "999" }).entry[0];
    expect(item.id).toBe("999");
    expect(item.messaging[0].recipient.id).toBe("999");
    expect(item.messaging[0].timestamp).toBeGreaterThanOrEqual(before);
  });
});

describe("WhatsApp builders match Meta's examples", () => {
  it("text", () => {
    const message = waText.entry[0].changes[0].value.messages[0];
    expect(whatsappText({ wamid: message.id, text: message.text.body, timestamp: 1763740800_000 })).toEqual(waText);
  });

  it("image", () => {
    const message = waImage.entry[0].changes[0].value.messages[0];
    expect(
      whatsappMedia({ wamid: message.id, type: "image", mediaId: message.image.id, caption: "This one", timestamp: 1763740860_000 }),
    ).toEqual(waImage);
  });

  it("delivered + read statuses batch into one change value", () => {
    const built = whatsappBatch([
      whatsappStatus({ messageId: "wamid.OUTBOUND_MESSAGE_ID", status: "delivered", conversationId: "b1f7c8d2e3a4", timestamp: 1763740930_000 }),
      whatsappStatus({ messageId: "wamid.OUTBOUND_MESSAGE_ID", status: "read", timestamp: 1763740990_000 }),
    ]);
    expect(built).toEqual(waStatuses);
  });

  it("failed status carries the re-engagement error", () => {
    expect(whatsappStatus({ messageId: "wamid.OUTBOUND_MESSAGE_ID", status: "failed", timestamp: 1763741000_000 })).toEqual(waFailed);
  });

  it("other message types have Meta's type-keyed objects", () => {
    const first = (delivery: ReturnType<typeof whatsappText>) => delivery.entry[0].changes[0].value.messages?.[0];
    expect(first(whatsappMedia({ type: "document", mediaId: "55" }))).toMatchObject({ type: "document", document: { id: "55", filename: "quote.pdf", mime_type: "application/pdf" } });
    expect(first(whatsappMedia({ type: "audio" }))).toMatchObject({ type: "audio", audio: { voice: true } });
    expect(first(whatsappMedia({ type: "sticker" }))).toMatchObject({ type: "sticker", sticker: { mime_type: "image/webp" } });
    expect(first(whatsappLocation())).toMatchObject({ type: "location", location: { latitude: 41.1496 } });
    expect(first(whatsappContacts())?.contacts?.[0].name.formatted_name).toBe("João Pereira");
    expect(first(whatsappInteractive({ kind: "list_reply", replyId: "r1", title: "Row" }))).toMatchObject({
      type: "interactive",
      interactive: { type: "list_reply", list_reply: { id: "r1", title: "Row" } },
      context: { from: "15550783881" },
    });
    expect(first(whatsappInteractive())).toMatchObject({ interactive: { type: "button_reply", button_reply: { id: "book_viewing" } } });
    expect(first(whatsappButton({ payload: "P", text: "T" }))).toMatchObject({ type: "button", button: { payload: "P", text: "T" } });
    expect(first(whatsappReaction({ messageId: "wamid.X", emoji: null }))?.reaction).toEqual({ message_id: "wamid.X" });
    expect(first(whatsappUnsupported())?.errors?.[0].code).toBe(131051);
  });

  it("edit points at the original message and carries the new text", () => {
    expect(whatsappEdit({ messageId: "wamid.O", text: "4 chairs" }).entry[0].changes[0].value.messages?.[0]).toMatchObject({
      type: "edit",
      edit: { original_message_id: "wamid.O", message: { type: "text", text: { body: "4 chairs" } } },
    });
  });

  it("puts the customer's name in contacts and uses whole seconds", () => {
    const value = whatsappText({ from: "447700900123", name: "Ana", timestamp: 1700000000999 }).entry[0].changes[0].value;
    expect(value.contacts).toEqual([{ profile: { name: "Ana" }, wa_id: "447700900123" }]);
    expect(value.messages?.[0]).toMatchObject({ from: "447700900123", timestamp: "1700000000" });
    expect(value.messages?.[0].id).toMatch(/^wamid\.[A-Za-z0-9+/=]+$/);
  });
});

describe("signing and delivery", () => {
  const secret = "s3cret";
  const independentSignature = (body: string | Buffer) => createHmac("sha256", secret).update(body).digest();

  it("signPayload is sha256=<hex HMAC> of the exact bytes", () => {
    const raw = JSON.stringify(whatsappText({ text: "olá 👋" }));
    const header = signPayload(raw, secret);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(timingSafeEqual(Buffer.from(header.slice(7), "hex"), independentSignature(Buffer.from(raw, "utf8")))).toBe(true);
    expect(signPayload(`${raw} `, secret)).not.toBe(header);
    expect(signPayload(raw, "other")).not.toBe(header);
  });

  it("postWebhook posts the signed bytes to /api/webhooks/{channel}", async () => {
    const received: { url?: string; headers: IncomingMessage["headers"]; body: string }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        received.push({ url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(200).end("EVENT_RECEIVED");
      });
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    try {
      const { port } = server.address() as AddressInfo;
      const payload = instagramText({ text: "çà 😀" });
      const response = await postWebhook({ appUrl: `http://127.0.0.1:${port}/`, channel: "instagram", payload, appSecret: secret });
      expect(response.status).toBe(200);
      const [request] = received;
      expect(request.url).toBe("/api/webhooks/instagram");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(JSON.parse(request.body)).toEqual(payload);
      const signature = String(request.headers["x-hub-signature-256"]);
      expect(Buffer.from(signature.replace("sha256=", ""), "hex").equals(independentSignature(Buffer.from(request.body, "utf8")))).toBe(true);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
