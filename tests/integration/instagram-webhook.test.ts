// Instagram webhook end to end: the built app, a fresh SQLite file, signed deliveries in Meta's
// format, and the fake Graph API for profile calls.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  DEMO_INSTAGRAM_ACCOUNT_ID,
  igsidFor,
  instagramAttachment,
  instagramBatch,
  instagramDeleted,
  instagramEcho,
  instagramPostback,
  instagramReaction,
  instagramRead,
  instagramStoryReply,
  instagramText,
  newInstagramMid,
  postWebhook,
  signPayload,
} from "../../scripts/meta-sim/payloads";
import type { FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import type { RunningApp } from "../helpers/app";
import { eventProcessed } from "../helpers/database";
import { startPipeline, type Pipeline } from "../helpers/pipeline";

const APP_SECRET = "instagram-app-secret-for-tests";
const VERIFY_TOKEN = "instagram-verify-token";
const ACCOUNT = DEMO_INSTAGRAM_ACCOUNT_ID;

let graph: FakeGraph;
let app: RunningApp;
let db: PrismaClient;
let cookie: string;

let pipeline: Pipeline;

beforeAll(async () => {
  pipeline = await startPipeline({
    graphPort: 0,
    env: {
      INSTAGRAM_APP_SECRET: APP_SECRET,
      INSTAGRAM_VERIFY_TOKEN: VERIFY_TOKEN,
      INSTAGRAM_PAGE_ID: ACCOUNT,
      INSTAGRAM_ACCESS_TOKEN: "instagram-access-token",
      EVENT_SWEEP_INTERVAL_MS: "300",
    },
  });
  ({ graph, app, db, cookie } = pipeline);
});

afterAll(() => pipeline?.stop());

/** Posts a signed delivery and waits until the app has processed the logged event. */
async function deliver(payload: unknown) {
  const res = await postWebhook({ appUrl: app.url, channel: "instagram", payload, appSecret: APP_SECRET });
  expect(res.status).toBe(200);
  const { eventId } = (await res.json()) as { eventId: string };
  return eventProcessed(db, eventId);
}

const messageByMid = (mid: string) => db.message.findUnique({ where: { channel_externalId: { channel: "INSTAGRAM", externalId: mid } } });
const conversationFor = (igsid: string) => db.conversation.findFirst({ where: { contact: { externalId: igsid } } });
const contactFor = (igsid: string) => db.contact.findFirst({ where: { externalId: igsid } });
const midOf = (payload: ReturnType<typeof instagramText>) => payload.entry[0].messaging[0].message!.mid;

function rawPost(body: string, headers: Record<string, string> = {}) {
  return fetch(`${app.url}/api/webhooks/instagram`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body,
  });
}

describe("Instagram webhook: handshake", () => {
  it("answers Meta's verification with the challenge as plain text", async () => {
    const res = await fetch(
      `${app.url}/api/webhooks/instagram?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    expect(await res.text()).toBe("1158201444");
  });

  it("refuses a wrong verify token or mode with 403", async () => {
    const wrongToken = await fetch(`${app.url}/api/webhooks/instagram?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`);
    expect(wrongToken.status).toBe(403);
    expect((await wrongToken.json()).error.code).toBe("FORBIDDEN");
    const wrongMode = await fetch(`${app.url}/api/webhooks/instagram?hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`);
    expect(wrongMode.status).toBe(403);
  });
});

describe("Instagram webhook: refusals store nothing", () => {
  it("401 for a missing or bad signature, with one log line and no event row", async () => {
    const before = await db.externalEventLog.count();
    const body = JSON.stringify(instagramText({ senderId: igsidFor("mallory") }));
    const missing = await rawPost(body);
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.code).toBe("INVALID_SIGNATURE");
    const forged = await rawPost(body, { "X-Hub-Signature-256": signPayload(body, "not-the-secret") });
    expect(forged.status).toBe(401);
    const truncated = await rawPost(body, { "X-Hub-Signature-256": "sha256=abc" });
    expect(truncated.status).toBe(401);
    expect(await db.externalEventLog.count()).toBe(before);
    expect(await contactFor(igsidFor("mallory"))).toBeNull();
    expect(app.logs()).toContain("[webhook instagram] delivery refused: missing or invalid X-Hub-Signature-256");
    expect(app.logs()).not.toContain(APP_SECRET);
  });

  it("413 for a body over 1 MB", async () => {
    const body = JSON.stringify({ object: "instagram", entry: [], padding: "x".repeat(1_100_000) });
    const res = await rawPost(body, { "X-Hub-Signature-256": signPayload(body, APP_SECRET) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("checks the signature before parsing anything: a badly signed body is 401 however malformed, and no signature is refused before the body arrives", async () => {
    const before = await db.externalEventLog.count();
    const malformed = `{ not json ${"x".repeat(900_000)}`;
    const badlySigned = await rawPost(malformed, { "X-Hub-Signature-256": signPayload(malformed, "not-the-secret") });
    expect(badlySigned.status).toBe(401);
    expect((await badlySigned.json()).error.code).toBe("INVALID_SIGNATURE");
    // A body that never ends: had the app waited to read (let alone parse) it, no answer would come.
    const unsigned = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${app.url}/api/webhooks/instagram`, { method: "POST", headers: { "Content-Type": "application/json", "Content-Length": "900000" } }, (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => {
          request.destroy();
          resolve({ status: response.statusCode ?? 0, body });
        });
      });
      request.on("error", reject);
      request.write(`{"object":"instagram","entry":[`);
    });
    expect(unsigned.status).toBe(401);
    expect(JSON.parse(unsigned.body).error.code).toBe("INVALID_SIGNATURE");
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    expect(await db.externalEventLog.count()).toBe(before);
  });

  it("400 for invalid JSON or another object, when signed", async () => {
    const before = await db.externalEventLog.count();
    const broken = "{ not json";
    const invalid = await rawPost(broken, { "X-Hub-Signature-256": signPayload(broken, APP_SECRET) });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.code).toBe("INVALID_JSON");
    const page = JSON.stringify({ object: "page", entry: [] });
    const wrongObject = await rawPost(page, { "X-Hub-Signature-256": signPayload(page, APP_SECRET) });
    expect(wrongObject.status).toBe(400);
    expect((await wrongObject.json()).error.code).toBe("BAD_REQUEST");
    expect(await db.externalEventLog.count()).toBe(before);
  });
});

describe("Instagram webhook: messages", () => {
  it("stores a text message with its contact, lead, conversation and log, and fetches the profile", async () => {
    const igsid = igsidFor("ana.costa");
    graph.setProfile(igsid, { name: "Ana Costa", username: "ana.costa.design", profile_pic: "https://cdn.example/ana.jpg" });
    const mid = newInstagramMid();
    const event = await deliver(instagramText({ senderId: igsid, mid, text: "Hi! Is the blue sofa still available?" }));
    expect(event.status).toBe("PROCESSED");

    const message = (await messageByMid(mid))!;
    expect(message).toMatchObject({ direction: "INBOUND", status: "DELIVERED", type: "TEXT", text: "Hi! Is the blue sofa still available?", channel: "INSTAGRAM" });
    const conversation = (await conversationFor(igsid))!;
    expect(conversation).toMatchObject({ unreadCount: 1, lastMessagePreview: "Hi! Is the blue sofa still available?", businessAccountId: ACCOUNT });
    expect(conversation.lastInboundAt).toBeTruthy();
    const contact = (await contactFor(igsid))!;
    expect(contact).toMatchObject({ displayName: "Ana Costa", instagramUsername: "ana.costa.design", avatarUrl: "https://cdn.example/ana.jpg" });
    expect(contact.profileFetchedAt).toBeTruthy();
    const lead = await db.lead.findUnique({ where: { id: contact.leadId } });
    expect(conversation.leadId).toBe(contact.leadId);
    expect(lead).toMatchObject({ lastContactChannel: "INSTAGRAM" });
    expect(lead!.lastContactAt).toBeTruthy();
    expect(await db.communicationLog.count({ where: { messageId: message.id, kind: "inbound_message" } })).toBe(1);

    const list = await fetch(`${app.url}/api/inbox/conversations`, { headers: { cookie } });
    const { conversations } = (await list.json()) as { conversations: { id: string }[] };
    expect(conversations.map((item) => item.id)).toContain(conversation.id);
  });

  it("creates the contact when the profile call fails, and fetches the profile on a later message", async () => {
    const igsid = igsidFor("private.person");
    graph.setProfile(igsid, null);
    await deliver(instagramText({ senderId: igsid, text: "first" }));
    expect(await contactFor(igsid)).toMatchObject({ displayName: null, profileFetchedAt: null });
    expect(await conversationFor(igsid)).toMatchObject({ unreadCount: 1 });

    graph.setProfile(igsid, { name: "Priya Vale", username: "priya.vale" });
    await deliver(instagramText({ senderId: igsid, text: "second" }));
    expect(await contactFor(igsid)).toMatchObject({ displayName: "Priya Vale", instagramUsername: "priya.vale" });
    expect(await conversationFor(igsid)).toMatchObject({ unreadCount: 2, lastMessagePreview: "second" });
  });

  it("stores attachments and story replies", async () => {
    const igsid = igsidFor("photo.sender");
    const imageMid = newInstagramMid();
    await deliver(instagramAttachment({ senderId: igsid, mid: imageMid, url: `${graph.url}/cdn/photo.jpg` }));
    const image = (await messageByMid(imageMid))!;
    expect(image.type).toBe("IMAGE");
    expect((image.attachments as unknown[])[0]).toMatchObject({ kind: "image", url: `${graph.url}/cdn/photo.jpg` });
    expect((await conversationFor(igsid))!.lastMessagePreview).toBe("[image]");

    const storyMid = newInstagramMid();
    await deliver(instagramStoryReply({ senderId: igsid, mid: storyMid, text: "Love this colour" }));
    expect(await messageByMid(storyMid)).toMatchObject({ type: "STORY_REPLY", text: "Love this colour" });
  });

  it("the media route streams an attachment to signed-in staff only", async () => {
    const igsid = igsidFor("photo.sender");
    const image = (await db.message.findFirst({ where: { type: "IMAGE", conversation: { contact: { externalId: igsid } } } }))!;
    const anonymous = await fetch(`${app.url}/api/inbox/media/${image.id}/0`);
    expect(anonymous.status).toBe(401);
    const res = await fetch(`${app.url}/api/inbox/media/${image.id}/0`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\//);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const missing = await fetch(`${app.url}/api/inbox/media/${image.id}/5`, { headers: { cookie } });
    expect(missing.status).toBe(404);
  });

  it("processes every message of a batched delivery", async () => {
    const [first, second] = [igsidFor("batch.one"), igsidFor("batch.two")];
    const mids = [newInstagramMid(), newInstagramMid(), newInstagramMid()];
    const now = Date.now();
    const event = await deliver(
      instagramBatch([
        [
          instagramText({ senderId: first, mid: mids[0], text: "Hello", timestamp: now - 2000 }),
          instagramText({ senderId: first, mid: mids[1], text: "Do you ship to Porto?", timestamp: now - 1000 }),
        ],
        [instagramText({ senderId: second, mid: mids[2], text: "Price list please", timestamp: now })],
      ]),
    );
    expect(event.status).toBe("PROCESSED");
    for (const mid of mids) expect(await messageByMid(mid)).toBeTruthy();
    expect(await conversationFor(first)).toMatchObject({ unreadCount: 2, lastMessagePreview: "Do you ship to Porto?" });
    expect(await conversationFor(second)).toMatchObject({ unreadCount: 1 });
  });

  it("stores a redelivered message once, even 20 identical deliveries at the same time", async () => {
    const igsid = igsidFor("redelivery");
    const payload = instagramText({ senderId: igsid, text: "Are you open on Sunday?" });
    const mid = midOf(payload);
    await deliver(payload);
    await deliver(payload);
    expect(await db.message.count({ where: { externalId: mid } })).toBe(1);

    const burst = instagramText({ senderId: igsid, text: "Hello??" });
    const burstMid = midOf(burst);
    const results = await Promise.all(Array.from({ length: 20 }, () => deliver(burst)));
    expect(results.every((row) => row.status === "PROCESSED")).toBe(true);
    expect(await db.message.count({ where: { externalId: burstMid } })).toBe(1);
    const stored = (await messageByMid(burstMid))!;
    expect(await db.communicationLog.count({ where: { messageId: stored.id } })).toBe(1);
    expect(await conversationFor(igsid)).toMatchObject({ unreadCount: 2 });
  });

  it("stores an echo of a message sent from the Instagram app as outbound, without an unread bump", async () => {
    const igsid = igsidFor("echo.customer");
    await deliver(instagramText({ senderId: igsid, text: "Is it available?" }));
    const mid = newInstagramMid();
    await deliver(instagramEcho({ recipientId: igsid, mid, text: "Yes it is! Want me to hold it for you?" }));
    await deliver(instagramEcho({ recipientId: igsid, mid, text: "Yes it is! Want me to hold it for you?" }));
    expect(await db.message.count({ where: { externalId: mid } })).toBe(1);
    expect(await messageByMid(mid)).toMatchObject({ direction: "OUTBOUND", status: "SENT" });
    expect(await conversationFor(igsid)).toMatchObject({ unreadCount: 1, lastMessagePreview: "You: Yes it is! Want me to hold it for you?" });
  });

  it("marks an unsent message DELETED and hides its text", async () => {
    const igsid = igsidFor("unsender");
    const mid = newInstagramMid();
    await deliver(instagramText({ senderId: igsid, mid, text: "my phone number is 912 345 678" }));
    await deliver(instagramDeleted({ senderId: igsid, mid }));
    const message = (await messageByMid(mid))!;
    expect(message).toMatchObject({ status: "DELETED", text: null, attachments: null });
    expect(message.deletedAt).toBeTruthy();
    expect((await conversationFor(igsid))!.lastMessagePreview).toBe("Message unsent");
  });

  it("marks our outbound messages up to the read one as READ", async () => {
    const igsid = igsidFor("reader");
    const now = Date.now();
    await deliver(instagramText({ senderId: igsid, text: "hi", timestamp: now - 5000 }));
    const [older, newer, later] = [newInstagramMid(), newInstagramMid(), newInstagramMid()];
    await deliver(instagramEcho({ recipientId: igsid, mid: older, text: "one", timestamp: now - 4000 }));
    await deliver(instagramEcho({ recipientId: igsid, mid: newer, text: "two", timestamp: now - 3000 }));
    await deliver(instagramEcho({ recipientId: igsid, mid: later, text: "three", timestamp: now - 1000 }));
    await deliver(instagramRead({ senderId: igsid, mid: newer, timestamp: now - 500 }));
    expect((await messageByMid(older))!.status).toBe("READ");
    expect((await messageByMid(newer))!.status).toBe("READ");
    expect((await messageByMid(later))!.status).toBe("SENT");
  });

  it("records a reaction on the target message and removes it on unreact", async () => {
    const igsid = igsidFor("reactor");
    const target = newInstagramMid();
    await deliver(instagramText({ senderId: igsid, text: "hi" }));
    await deliver(instagramEcho({ recipientId: igsid, mid: target, text: "We have it in blue" }));
    await deliver(instagramReaction({ senderId: igsid, mid: target, emoji: "\u2764\ufe0f" }));
    await deliver(instagramReaction({ senderId: igsid, mid: target, emoji: "\u2764\ufe0f" }));
    const reactions = () => db.message.findMany({ where: { type: "REACTION", replyToExternalId: target } });
    expect(await reactions()).toHaveLength(1);
    expect((await reactions())[0]).toMatchObject({ text: "\u2764\ufe0f", direction: "INBOUND" });
    expect((await conversationFor(igsid))!.lastMessagePreview).toContain("\u2764\ufe0f");
    await deliver(instagramReaction({ senderId: igsid, mid: target, action: "unreact" }));
    expect(await reactions()).toHaveLength(0);
  });

  it("stores a postback's title as an inbound message", async () => {
    const igsid = igsidFor("button.tapper");
    const mid = newInstagramMid();
    await deliver(instagramPostback({ senderId: igsid, mid, title: "Book a viewing" }));
    expect(await messageByMid(mid)).toMatchObject({ direction: "INBOUND", text: "Book a viewing" });
    expect(await conversationFor(igsid)).toMatchObject({ unreadCount: 1 });
  });

  it("stores an unknown message kind as UNSUPPORTED with a readable placeholder", async () => {
    const igsid = igsidFor("reel.sharer");
    const payload = instagramText({ senderId: igsid });
    const message = payload.entry[0].messaging[0].message! as unknown as Record<string, unknown>;
    delete message.text;
    message.attachments = [{ type: "ig_reel_from_the_future", payload: { reel_video_id: "123" } }];
    const event = await deliver(payload);
    expect(event.status).toBe("PROCESSED");
    const stored = (await messageByMid(message.mid as string))!;
    expect(stored.type).toBe("UNSUPPORTED");
    expect(typeof stored.text).toBe("string");
    expect((stored.text as string).length).toBeGreaterThan(0);
  });

  it("logs but ignores blocklisted senders", async () => {
    const igsid = igsidFor("spammer");
    await db.blockedContact.create({ data: { channel: "INSTAGRAM", externalId: igsid, reason: "spam" } });
    const event = await deliver(instagramText({ senderId: igsid, text: "BUY FOLLOWERS" }));
    expect(event.status).toBe("IGNORED");
    expect(await contactFor(igsid)).toBeNull();
  });
});

describe("Instagram webhook: never loses an event", () => {
  it("answers 200 and marks the event FAILED with the error when processing fails", async () => {
    const res = await postWebhook({
      appUrl: app.url,
      channel: "instagram",
      payload: { object: "instagram", entry: [{ id: ACCOUNT, time: Date.now(), messaging: [{ nonsense: true }] }] },
      appSecret: APP_SECRET,
    });
    expect(res.status).toBe(200);
    const { eventId } = (await res.json()) as { eventId: string };
    const row = await eventProcessed(db, eventId);
    expect(row.status).toBe("FAILED");
    expect(row.error).toBeTruthy();
    const raw = await db.externalEventLog.findUnique({ where: { id: eventId } });
    expect(raw!.rawBody).toContain("nonsense");
  });

  it("processes an event a crash left RECEIVED (the start-up/interval sweeper)", async () => {
    const igsid = igsidFor("crash.survivor");
    const payload = instagramText({ senderId: igsid, text: "sent while you were down" });
    // What a crash between the acknowledgement and processing leaves behind.
    const event = await db.externalEventLog.create({
      data: { source: "instagram", rawBody: JSON.stringify(payload), signatureValid: true, receivedAt: new Date(Date.now() - 60_000) },
    });
    const row = await eventProcessed(db, event.id);
    expect(row.status).toBe("PROCESSED");
    expect(await messageByMid(midOf(payload))).toMatchObject({ text: "sent while you were down" });
  });
});
