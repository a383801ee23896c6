// Staff attach a file to a reply: uploaded to our media storage first, then sent the way each
// channel expects — Instagram by a signed public URL that Meta (here the fake) fetches, as its own
// message beside the text; WhatsApp uploaded to the phone number's media and sent by id with the
// text as its caption. Limits, ownership, failure, retry and the sweep of abandoned uploads.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  DEMO_INSTAGRAM_ACCOUNT_ID,
  DEMO_PHONE_NUMBER_ID,
  igsidFor,
  instagramEcho,
  instagramText,
  newInstagramMid,
  postWebhook,
  waIdFor,
  whatsappText,
} from "../../scripts/meta-sim/payloads";
import { appSecretFor, channelEnv } from "../../scripts/bench/channel-env";
import { eventProcessed, waitFor } from "../helpers/database";
import { startPipeline, type Pipeline } from "../helpers/pipeline";
import { createUser, signIn } from "../helpers/session";

const MAX_BYTES = 3_000_000;
const AGENT = { name: "Alex Agent", email: "alex.attachments@example.com", password: "agent-password-1", role: "AGENT" as const };

let pipeline: Pipeline;
let photo: Buffer;

beforeAll(async () => {
  photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#2e86c1" } }).png().toBuffer();
  pipeline = await startPipeline({
    graphPort: 0,
    env: { ...channelEnv(), MEDIA_MAX_BYTES: String(MAX_BYTES), MEDIA_SWEEP_INTERVAL_MS: "200" },
  });
  await createUser(pipeline.app, AGENT);
});
afterAll(() => pipeline?.stop());
beforeEach(() => pipeline.graph.reset());

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function conversationWith(channel: "instagram" | "whatsapp", name: string) {
  const customerId = channel === "instagram" ? igsidFor(name) : waIdFor(name);
  const payload = channel === "instagram" ? instagramText({ senderId: customerId, text: `hi from ${name}` }) : whatsappText({ from: customerId, name });
  const res = await postWebhook({ appUrl: pipeline.app.url, channel, payload, appSecret: appSecretFor(channel) });
  await eventProcessed(pipeline.db, (await res.json()).eventId);
  const conversation = await pipeline.db.conversation.findFirstOrThrow({ where: { contact: { externalId: customerId } } });
  return { customerId, conversationId: conversation.id };
}

function upload(conversationId: string, file: { bytes: Uint8Array; type: string; name: string }, cookie = pipeline.cookie) {
  const form = new FormData();
  form.set("file", new Blob([file.bytes as BlobPart], { type: file.type }), file.name);
  return fetch(`${pipeline.app.url}/api/inbox/conversations/${conversationId}/attachments`, { method: "POST", headers: { cookie }, body: form });
}

async function uploaded(conversationId: string, file: { bytes: Uint8Array; type: string; name: string }) {
  const res = await upload(conversationId, file);
  expect(res.status).toBe(201);
  return ((await res.json()) as { attachment: { id: string } }).attachment.id;
}

function reply(conversationId: string, body: unknown, cookie = pipeline.cookie) {
  return fetch(`${pipeline.app.url}/api/inbox/conversations/${conversationId}/reply`, {
    method: "POST",
    headers: { cookie, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

const sends = (pathEnd: string) => pipeline.graph.requests().filter((request) => request.method === "POST" && request.path.endsWith(pathEnd));

describe("Instagram: an attachment by URL, the text as its own message", () => {
  it("uploads, sends the file by a link Meta can fetch, then the text, and shows both in the thread", async () => {
    const { customerId, conversationId } = await conversationWith("instagram", "attach.ines");
    const res = await upload(conversationId, { bytes: photo, type: "image/png", name: "blue-sofa.png" });
    expect(res.status).toBe(201);
    const { attachment } = await res.json();
    expect(attachment).toMatchObject({ kind: "image", contentType: "image/png", size: photo.length, filename: "blue-sofa.png", width: 640, height: 480 });

    const sent = await reply(conversationId, { text: "Here is the sofa in blue", attachmentId: attachment.id, idempotencyKey: "ig-attach-1" });
    expect(sent.status).toBe(201);
    const { messages } = await sent.json();
    expect(messages.map((message: { type: string; status: string; text: string | null }) => [message.type, message.status, message.text])).toEqual([
      ["IMAGE", "SENT", null],
      ["TEXT", "SENT", "Here is the sofa in blue"],
    ]);

    const [fileSend, textSend] = sends(`/${DEMO_INSTAGRAM_ACCOUNT_ID}/messages`);
    const url = (fileSend.body as { message: { attachment: { type: string; payload: { url: string } } } }).message.attachment.payload.url;
    expect(fileSend.body).toEqual({ recipient: { id: customerId }, messaging_type: "RESPONSE", message: { attachment: { type: "image", payload: { url } } } });
    expect(url.startsWith(`${pipeline.app.url}/api/media/reply-attachments/`)).toBe(true);
    expect(textSend.body).toEqual({ recipient: { id: customerId }, messaging_type: "RESPONSE", message: { text: "Here is the sofa in blue" } });
    // Meta fetched exactly the bytes staff uploaded, with no session.
    expect(pipeline.graph.fetchedAttachments()).toMatchObject([{ url, status: 200, contentType: "image/png", size: photo.length, sha256: sha256(photo) }]);

    // The signed link is for that file alone: altered, it is refused.
    expect((await fetch(url.replace(/.$/, (last) => (last === "A" ? "B" : "A")))).status).toBe(404);
    expect((await fetch(`${pipeline.app.url}/api/media/reply-attachments/${attachment.id}`)).status).toBe(404);

    const thread = await (await fetch(`${pipeline.app.url}/api/inbox/conversations/${conversationId}/messages`, { headers: { cookie: pipeline.cookie } })).json();
    const image = thread.messages.find((message: { id: string }) => message.id === messages[0].id);
    expect(image).toMatchObject({ direction: "OUTBOUND", attachments: [{ kind: "image", mimeType: "image/png", filename: "blue-sofa.png" }] });
    expect(image.mediaFiles).toMatchObject([{ attachmentIndex: 0, status: "STORED", width: 640, height: 480 }]);
    const media = await fetch(`${pipeline.app.url}/api/inbox/media/${messages[0].id}/0`, { headers: { cookie: pipeline.cookie } });
    expect(media.headers.get("content-type")).toBe("image/png");
    expect(sha256(new Uint8Array(await media.arrayBuffer()))).toBe(sha256(photo));
    const thumb = await fetch(`${pipeline.app.url}/api/inbox/media/${messages[0].id}/0?variant=thumb`, { headers: { cookie: pipeline.cookie } });
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    expect((await fetch(`${pipeline.app.url}/api/inbox/media/${messages[0].id}/0`)).status).toBe(401);

    const log = await pipeline.db.communicationLog.findMany({ where: { messageId: { in: messages.map((message: { id: string }) => message.id) } }, orderBy: { createdAt: "asc" } });
    expect(log.map((entry) => entry.summary)).toEqual(["Sent an image (blue-sofa.png)", "Replied: Here is the sofa in blue"]);
    const conversation = await pipeline.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.lastMessagePreview).toBe("You: Here is the sofa in blue");

    // A double-click or a network retry with the same key sends nothing more and answers both parts.
    const again = await reply(conversationId, { text: "Here is the sofa in blue", attachmentId: attachment.id, idempotencyKey: "ig-attach-1" });
    expect(again.status).toBe(201);
    expect((await again.json()).messages.map((message: { id: string }) => message.id)).toEqual(messages.map((message: { id: string }) => message.id));
    expect(sends(`/${DEMO_INSTAGRAM_ACCOUNT_ID}/messages`)).toHaveLength(2);

    // A new reply can't send the same upload again.
    const reuse = await reply(conversationId, { attachmentId: attachment.id });
    expect(reuse.status).toBe(409);
    expect((await reuse.json()).error.code).toBe("CONFLICT");
  });

  it("fails the file and holds back its text when Meta refuses, then retries each", async () => {
    const { conversationId } = await conversationWith("instagram", "attach.fail");
    const attachmentId = await uploaded(conversationId, { bytes: photo, type: "image/png", name: "sofa.png" });
    pipeline.graph.program({ match: { method: "POST", pathIncludes: "/messages" }, respond: { error: "server-error" }, times: 3 });
    const res = await reply(conversationId, { text: "The sofa", attachmentId });
    expect(res.status).toBe(502);
    const rows = await pipeline.db.message.findMany({ where: { conversationId, direction: "OUTBOUND" }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => [row.type, row.status, row.errorCode])).toEqual([
      ["IMAGE", "FAILED", "TRANSIENT"],
      ["TEXT", "FAILED", "NOT_SENT"],
    ]);
    // Three tries of the file (transient 500s are retried), none of the text.
    expect(sends(`/${DEMO_INSTAGRAM_ACCOUNT_ID}/messages`)).toHaveLength(3);

    for (const row of rows) {
      const retried = await fetch(`${pipeline.app.url}/api/inbox/messages/${row.id}/retry`, { method: "POST", headers: { cookie: pipeline.cookie } });
      expect(retried.status).toBe(200);
      expect((await retried.json()).message.status).toBe("SENT");
    }
    const [, , , fileRetry, textRetry] = sends(`/${DEMO_INSTAGRAM_ACCOUNT_ID}/messages`);
    expect(fileRetry.body).toMatchObject({ message: { attachment: { type: "image" } } });
    expect(textRetry.body).toMatchObject({ message: { text: "The sofa" } });
    expect(pipeline.graph.fetchedAttachments().at(-1)).toMatchObject({ status: 200, sha256: sha256(photo) });
  });

  it("ends as one message when the file's echo arrives before the Send API answers", async () => {
    const { customerId, conversationId } = await conversationWith("instagram", "attach.echo");
    const attachmentId = await uploaded(conversationId, { bytes: photo, type: "image/png", name: "sofa.png" });
    const mid = newInstagramMid();
    pipeline.graph.program({
      match: { method: "POST", pathIncludes: "/messages" },
      times: 1,
      respond: { delayMs: 1500, status: 200, body: { recipient_id: customerId, message_id: mid } },
    });
    const pending = reply(conversationId, { attachmentId });
    await waitFor(() => pipeline.db.message.findFirst({ where: { conversationId, status: "PENDING" } }), "pending reply");
    const echo = await postWebhook({
      appUrl: pipeline.app.url,
      channel: "instagram",
      payload: instagramEcho({ recipientId: customerId, mid, attachment: { type: "image", url: "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1" } }),
      appSecret: appSecretFor("instagram"),
    });
    await eventProcessed(pipeline.db, (await echo.json()).eventId);
    // While Meta's answer is still held back, the echo has completed the PENDING file: no twin.
    expect(await pipeline.db.message.findMany({ where: { conversationId, direction: "OUTBOUND" }, select: { externalId: true, status: true } })).toEqual([
      { externalId: mid, status: "SENT" },
    ]);
    expect((await pending).status).toBe(201);
    const outbound = await pipeline.db.message.findMany({ where: { conversationId, direction: "OUTBOUND" }, include: { mediaFiles: true } });
    expect(outbound).toHaveLength(1);
    expect(outbound[0]).toMatchObject({ externalId: mid, status: "SENT", type: "IMAGE" });
    // Our own copy of the file stays; nothing is downloaded from Meta's CDN for it.
    expect(outbound[0].mediaFiles).toMatchObject([{ id: attachmentId, status: "STORED" }]);
  });
});

describe("WhatsApp: uploaded to the phone number, sent by media id", () => {
  it("sends an image with the text as its caption, as one message", async () => {
    const { customerId, conversationId } = await conversationWith("whatsapp", "Attach Wanda");
    const attachmentId = await uploaded(conversationId, { bytes: photo, type: "image/png", name: "sofa.png" });
    const res = await reply(conversationId, { text: "Your sofa", attachmentId });
    expect(res.status).toBe(201);
    const { messages } = await res.json();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ type: "IMAGE", status: "SENT", text: "Your sofa" });

    const [mediaUpload] = sends(`/${DEMO_PHONE_NUMBER_ID}/media`);
    expect(mediaUpload.body).toEqual({
      messaging_product: "whatsapp",
      type: "image/png",
      file: { filename: "sofa.png", contentType: "image/png", size: photo.length, sha256: sha256(photo) },
    });
    const [send] = sends(`/${DEMO_PHONE_NUMBER_ID}/messages`);
    const mediaId = (send.body as { image: { id: string } }).image.id;
    expect(send.body).toEqual({ messaging_product: "whatsapp", recipient_type: "individual", to: customerId, type: "image", image: { id: mediaId, caption: "Your sofa" } });
  });

  it("sends text too long for a caption (over 1,024 characters) after the image, whole", async () => {
    const { conversationId } = await conversationWith("whatsapp", "Attach Lara");
    const attachmentId = await uploaded(conversationId, { bytes: photo, type: "image/png", name: "table.png" });
    const long = "The oak table seats eight. ".repeat(60).trim();
    const res = await reply(conversationId, { text: long, attachmentId });
    expect(res.status).toBe(201);
    const { messages } = await res.json();
    expect(messages.map((message: { type: string; text: string | null }) => [message.type, message.text])).toEqual([
      ["IMAGE", null],
      ["TEXT", long],
    ]);
    const [image, text] = sends(`/${DEMO_PHONE_NUMBER_ID}/messages`);
    expect((image.body as { image: object }).image).not.toHaveProperty("caption");
    expect(text.body).toMatchObject({ type: "text", text: { body: long } });
  });

  it("sends a voice note without a caption and the text after it", async () => {
    const { conversationId } = await conversationWith("whatsapp", "Attach Vera");
    const voice = Buffer.from("OggS fake opus voice note");
    const attachmentId = await uploaded(conversationId, { bytes: voice, type: "audio/ogg", name: "note.ogg" });
    const res = await reply(conversationId, { text: "Listen to this", attachmentId });
    const { messages } = await res.json();
    expect(messages.map((message: { type: string; text: string | null }) => [message.type, message.text])).toEqual([
      ["AUDIO", null],
      ["TEXT", "Listen to this"],
    ]);
    const [audio, text] = sends(`/${DEMO_PHONE_NUMBER_ID}/messages`);
    expect(audio.body).toMatchObject({ type: "audio", audio: { id: expect.any(String) } });
    expect((audio.body as { audio: object }).audio).not.toHaveProperty("caption");
    expect(text.body).toMatchObject({ type: "text", text: { body: "Listen to this" } });
  });
});

describe("what can't be attached changes nothing", () => {
  it("refuses other channels' formats, oversized, fake and missing files with a clear 4xx", async () => {
    const { conversationId } = await conversationWith("whatsapp", "Attach Limits");
    const before = await pipeline.db.mediaFile.count();
    const gif = await upload(conversationId, { bytes: Buffer.from("GIF89a..."), type: "image/gif", name: "party.gif" });
    expect(gif.status).toBe(415);
    expect((await gif.json()).error).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", message: expect.stringMatching(/^WhatsApp can't send image\/gif/) });
    const notAnImage = await upload(conversationId, { bytes: Buffer.from("<html>not a picture</html>"), type: "image/png", name: "x.png" });
    expect(notAnImage.status).toBe(415);
    // Checked by their bytes, not the declared type: an HTML page is neither a PDF nor a video.
    for (const type of ["application/pdf", "video/mp4"]) {
      const disguised = await upload(conversationId, { bytes: Buffer.from("<!doctype html><script>alert(1)</script>"), type, name: "invoice.pdf" });
      expect(disguised.status, type).toBe(415);
      expect((await disguised.json()).error.message).toMatch(/contents are not/);
    }
    const big = await upload(conversationId, { bytes: Buffer.alloc(MAX_BYTES + 1, 1), type: "application/pdf", name: "big.pdf" });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    const notMultipart = await fetch(`${pipeline.app.url}/api/inbox/conversations/${conversationId}/attachments`, {
      method: "POST",
      headers: { cookie: pipeline.cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ file: "x" }),
    });
    expect(notMultipart.status).toBe(415);
    const form = new FormData();
    form.set("other", "x");
    const noFile = await fetch(`${pipeline.app.url}/api/inbox/conversations/${conversationId}/attachments`, { method: "POST", headers: { cookie: pipeline.cookie }, body: form });
    expect(noFile.status).toBe(422);
    const noSession = await upload(conversationId, { bytes: photo, type: "image/png", name: "a.png" }, "");
    expect(noSession.status).toBe(401);
    expect((await upload("cm0000000000000000000nope", { bytes: photo, type: "image/png", name: "a.png" })).status).toBe(404);
    expect(await pipeline.db.mediaFile.count()).toBe(before);
    expect(sends("/media")).toHaveLength(0);
  });

  it("won't send another person's upload, or an upload that doesn't fit this channel", async () => {
    const instagram = await conversationWith("instagram", "attach.owner");
    const whatsapp = await conversationWith("whatsapp", "Attach Owner");
    const mine = await uploaded(instagram.conversationId, { bytes: photo, type: "image/png", name: "mine.png" });
    const agentCookie = await signIn(pipeline.app.url, AGENT.email, AGENT.password);
    const stolen = await reply(instagram.conversationId, { attachmentId: mine }, agentCookie);
    expect(stolen.status).toBe(404);

    const gif = await uploaded(instagram.conversationId, { bytes: await sharp({ create: { width: 8, height: 8, channels: 3, background: "#fff" } }).gif().toBuffer(), type: "image/gif", name: "wave.gif" });
    const elsewhere = await reply(whatsapp.conversationId, { attachmentId: gif });
    expect(elsewhere.status).toBe(415);
    expect(await pipeline.db.message.count({ where: { conversationId: { in: [instagram.conversationId, whatsapp.conversationId] }, direction: "OUTBOUND" } })).toBe(0);
    expect(sends("/messages")).toHaveLength(0);
  });

  it("deletes uploads that were never sent, with their files", async () => {
    const { conversationId } = await conversationWith("instagram", "attach.abandon");
    const attachmentId = await uploaded(conversationId, { bytes: photo, type: "image/png", name: "forgotten.png" });
    // Local media storage shards files by the first two characters of their key.
    const stored = path.join(pipeline.app.dataDir, "media", attachmentId.slice(0, 2), attachmentId);
    expect(existsSync(stored)).toBe(true);
    await pipeline.db.mediaFile.update({ where: { id: attachmentId }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    await waitFor(async () => (await pipeline.db.mediaFile.count({ where: { id: attachmentId } })) === 0, "abandoned upload swept");
    expect(existsSync(stored)).toBe(false);
    expect((await reply(conversationId, { attachmentId })).status).toBe(404);
  });
});
