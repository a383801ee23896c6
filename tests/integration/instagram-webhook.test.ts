// Instagram webhook end to end: the built app, a fresh SQLite file, signed deliveries in Meta's
// format, and the fake Graph API for profile calls.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
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
import { startFakeGraph, type FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import { startApp, type RunningApp } from "../helpers/app";
import { openDatabase, sqliteDate, waitFor } from "../helpers/database";
import { TEST_ADMIN } from "../helpers/app";
import { signIn } from "../helpers/session";

const APP_SECRET = "instagram-app-secret-for-tests";
const VERIFY_TOKEN = "instagram-verify-token";
const ACCOUNT = DEMO_INSTAGRAM_ACCOUNT_ID;

let graph: FakeGraph;
let app: RunningApp;
let db: Database.Database;
let cookie: string;

beforeAll(async () => {
  graph = await startFakeGraph({ port: 4201 });
  app = await startApp({
    env: {
      META_GRAPH_API_URL: graph.url,
      INSTAGRAM_APP_SECRET: APP_SECRET,
      INSTAGRAM_VERIFY_TOKEN: VERIFY_TOKEN,
      INSTAGRAM_PAGE_ID: ACCOUNT,
      INSTAGRAM_ACCESS_TOKEN: "instagram-access-token",
      EVENT_SWEEP_INTERVAL_MS: "300",
    },
  });
  db = openDatabase(app);
  cookie = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
});

afterAll(async () => {
  db?.close();
  await app?.stop();
  await graph?.close();
});

/** Posts a signed delivery and waits until the app has processed the logged event. */
async function deliver(payload: unknown) {
  const res = await postWebhook({ appUrl: app.url, channel: "instagram", payload, appSecret: APP_SECRET });
  expect(res.status).toBe(200);
  const { eventId } = (await res.json()) as { eventId: string };
  return waitFor(() => eventRow(eventId), `event ${eventId} processed`);
}

function eventRow(id: string) {
  const row = db.prepare(`SELECT status, error, attempts FROM ExternalEventLog WHERE id = ?`).get(id) as
    | { status: string; error: string | null; attempts: number }
    | undefined;
  return row && row.status !== "RECEIVED" ? row : undefined;
}

function count(table: string, where = "1 = 1", ...params: unknown[]): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE ${where}`).get(...params) as { n: number }).n;
}

function messageByMid(mid: string) {
  return db.prepare(`SELECT * FROM Message WHERE externalId = ?`).get(mid) as Record<string, unknown> | undefined;
}

function conversationFor(igsid: string) {
  return db
    .prepare(`SELECT c.* FROM Conversation c JOIN Contact k ON k.id = c.contactId WHERE k.externalId = ?`)
    .get(igsid) as Record<string, unknown> | undefined;
}

function contactFor(igsid: string) {
  return db.prepare(`SELECT * FROM Contact WHERE externalId = ?`).get(igsid) as Record<string, unknown> | undefined;
}

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
    const before = count("ExternalEventLog");
    const body = JSON.stringify(instagramText({ senderId: igsidFor("mallory") }));
    const missing = await rawPost(body);
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.code).toBe("INVALID_SIGNATURE");
    const forged = await rawPost(body, { "X-Hub-Signature-256": signPayload(body, "not-the-secret") });
    expect(forged.status).toBe(401);
    const truncated = await rawPost(body, { "X-Hub-Signature-256": "sha256=abc" });
    expect(truncated.status).toBe(401);
    expect(count("ExternalEventLog")).toBe(before);
    expect(contactFor(igsidFor("mallory"))).toBeUndefined();
    expect(app.logs()).toContain("[webhook instagram] delivery refused: missing or invalid X-Hub-Signature-256");
    expect(app.logs()).not.toContain(APP_SECRET);
  });

  it("413 for a body over 1 MB", async () => {
    const body = JSON.stringify({ object: "instagram", entry: [], padding: "x".repeat(1_100_000) });
    const res = await rawPost(body, { "X-Hub-Signature-256": signPayload(body, APP_SECRET) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("400 for invalid JSON or another object, signed or not", async () => {
    const before = count("ExternalEventLog");
    const broken = "{ not json";
    const invalid = await rawPost(broken, { "X-Hub-Signature-256": signPayload(broken, APP_SECRET) });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.code).toBe("INVALID_JSON");
    const page = JSON.stringify({ object: "page", entry: [] });
    const wrongObject = await rawPost(page, { "X-Hub-Signature-256": signPayload(page, APP_SECRET) });
    expect(wrongObject.status).toBe(400);
    expect((await wrongObject.json()).error.code).toBe("BAD_REQUEST");
    expect(count("ExternalEventLog")).toBe(before);
  });
});

describe("Instagram webhook: messages", () => {
  it("stores a text message with its contact, lead, conversation and log, and fetches the profile", async () => {
    const igsid = igsidFor("ana.costa");
    graph.setProfile(igsid, { name: "Ana Costa", username: "ana.costa.design", profile_pic: "https://cdn.example/ana.jpg" });
    const mid = newInstagramMid();
    const event = await deliver(instagramText({ senderId: igsid, mid, text: "Hi! Is the blue sofa still available?" }));
    expect(event.status).toBe("PROCESSED");

    const message = messageByMid(mid)!;
    expect(message).toMatchObject({ direction: "INBOUND", status: "DELIVERED", type: "TEXT", text: "Hi! Is the blue sofa still available?", channel: "INSTAGRAM" });
    const conversation = conversationFor(igsid)!;
    expect(conversation).toMatchObject({ unreadCount: 1, lastMessagePreview: "Hi! Is the blue sofa still available?", businessAccountId: ACCOUNT });
    expect(conversation.lastInboundAt).toBeTruthy();
    const contact = contactFor(igsid)!;
    expect(contact).toMatchObject({ displayName: "Ana Costa", instagramUsername: "ana.costa.design", avatarUrl: "https://cdn.example/ana.jpg" });
    expect(contact.profileFetchedAt).toBeTruthy();
    const lead = db.prepare(`SELECT * FROM Lead WHERE contactId = ?`).get(contact.id) as Record<string, unknown>;
    expect(lead).toMatchObject({ lastContactChannel: "INSTAGRAM" });
    expect(lead.lastContactAt).toBeTruthy();
    expect(count("CommunicationLog", "messageId = ? AND kind = 'inbound_message'", message.id)).toBe(1);

    const list = await fetch(`${app.url}/api/inbox/conversations`, { headers: { cookie } });
    const { conversations } = (await list.json()) as { conversations: { id: string }[] };
    expect(conversations.map((item) => item.id)).toContain(conversation.id);
  });

  it("creates the contact when the profile call fails, and fetches the profile on a later message", async () => {
    const igsid = igsidFor("private.person");
    graph.setProfile(igsid, null);
    await deliver(instagramText({ senderId: igsid, text: "first" }));
    expect(contactFor(igsid)).toMatchObject({ displayName: null, profileFetchedAt: null });
    expect(conversationFor(igsid)).toMatchObject({ unreadCount: 1 });

    graph.setProfile(igsid, { name: "Priya Vale", username: "priya.vale" });
    await deliver(instagramText({ senderId: igsid, text: "second" }));
    expect(contactFor(igsid)).toMatchObject({ displayName: "Priya Vale", instagramUsername: "priya.vale" });
    expect(conversationFor(igsid)).toMatchObject({ unreadCount: 2, lastMessagePreview: "second" });
  });

  it("stores attachments and story replies", async () => {
    const igsid = igsidFor("photo.sender");
    const imageMid = newInstagramMid();
    await deliver(instagramAttachment({ senderId: igsid, mid: imageMid, url: `${graph.url}/__fake/cdn/photo.jpg` }));
    const image = messageByMid(imageMid)!;
    expect(image.type).toBe("IMAGE");
    expect(JSON.parse(image.attachments as string)[0]).toMatchObject({ kind: "image", url: `${graph.url}/__fake/cdn/photo.jpg` });
    expect(conversationFor(igsid)!.lastMessagePreview).toBe("[image]");

    const storyMid = newInstagramMid();
    await deliver(instagramStoryReply({ senderId: igsid, mid: storyMid, text: "Love this colour" }));
    expect(messageByMid(storyMid)).toMatchObject({ type: "STORY_REPLY", text: "Love this colour" });
  });

  it("the media route streams an attachment to signed-in staff only", async () => {
    const igsid = igsidFor("photo.sender");
    const image = db
      .prepare(`SELECT m.id FROM Message m JOIN Conversation c ON c.id = m.conversationId JOIN Contact k ON k.id = c.contactId WHERE k.externalId = ? AND m.type = 'IMAGE'`)
      .get(igsid) as { id: string };
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
    for (const mid of mids) expect(messageByMid(mid)).toBeTruthy();
    expect(conversationFor(first)).toMatchObject({ unreadCount: 2, lastMessagePreview: "Do you ship to Porto?" });
    expect(conversationFor(second)).toMatchObject({ unreadCount: 1 });
  });

  it("stores a redelivered message once, even 20 identical deliveries at the same time", async () => {
    const igsid = igsidFor("redelivery");
    const payload = instagramText({ senderId: igsid, text: "Are you open on Sunday?" });
    const mid = payload.entry[0].messaging[0].message!.mid;
    await deliver(payload);
    await deliver(payload);
    expect(count("Message", "externalId = ?", mid)).toBe(1);

    const burst = instagramText({ senderId: igsid, text: "Hello??" });
    const burstMid = burst.entry[0].messaging[0].message!.mid;
    const results = await Promise.all(Array.from({ length: 20 }, () => deliver(burst)));
    expect(results.every((row) => row.status === "PROCESSED")).toBe(true);
    expect(count("Message", "externalId = ?", burstMid)).toBe(1);
    expect(count("CommunicationLog", "messageId = (SELECT id FROM Message WHERE externalId = ?)", burstMid)).toBe(1);
    expect(conversationFor(igsid)).toMatchObject({ unreadCount: 2 });
  });

  it("stores an echo of a message sent from the Instagram app as outbound, without an unread bump", async () => {
    const igsid = igsidFor("echo.customer");
    await deliver(instagramText({ senderId: igsid, text: "Is it available?" }));
    const mid = newInstagramMid();
    await deliver(instagramEcho({ recipientId: igsid, mid, text: "Yes it is! Want me to hold it for you?" }));
    await deliver(instagramEcho({ recipientId: igsid, mid, text: "Yes it is! Want me to hold it for you?" }));
    expect(count("Message", "externalId = ?", mid)).toBe(1);
    expect(messageByMid(mid)).toMatchObject({ direction: "OUTBOUND", status: "SENT" });
    expect(conversationFor(igsid)).toMatchObject({ unreadCount: 1, lastMessagePreview: "You: Yes it is! Want me to hold it for you?" });
  });

  it("marks an unsent message DELETED and hides its text", async () => {
    const igsid = igsidFor("unsender");
    const mid = newInstagramMid();
    await deliver(instagramText({ senderId: igsid, mid, text: "my phone number is 912 345 678" }));
    await deliver(instagramDeleted({ senderId: igsid, mid }));
    const message = messageByMid(mid)!;
    expect(message).toMatchObject({ status: "DELETED", text: null });
    expect(message.deletedAt).toBeTruthy();
    expect(conversationFor(igsid)!.lastMessagePreview).toBe("Message unsent");
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
    expect(messageByMid(older)!.status).toBe("READ");
    expect(messageByMid(newer)!.status).toBe("READ");
    expect(messageByMid(later)!.status).toBe("SENT");
  });

  it("records a reaction on the target message and removes it on unreact", async () => {
    const igsid = igsidFor("reactor");
    const target = newInstagramMid();
    await deliver(instagramText({ senderId: igsid, text: "hi" }));
    await deliver(instagramEcho({ recipientId: igsid, mid: target, text: "We have it in blue" }));
    await deliver(instagramReaction({ senderId: igsid, mid: target, emoji: "\u2764\ufe0f" }));
    await deliver(instagramReaction({ senderId: igsid, mid: target, emoji: "\u2764\ufe0f" }));
    const reactions = () => db.prepare(`SELECT * FROM Message WHERE type = 'REACTION' AND replyToExternalId = ?`).all(target) as Record<string, unknown>[];
    expect(reactions()).toHaveLength(1);
    expect(reactions()[0]).toMatchObject({ text: "\u2764\ufe0f", direction: "INBOUND" });
    expect(conversationFor(igsid)!.lastMessagePreview).toContain("\u2764\ufe0f");
    await deliver(instagramReaction({ senderId: igsid, mid: target, action: "unreact" }));
    expect(reactions()).toHaveLength(0);
  });

  it("stores a postback's title as an inbound message", async () => {
    const igsid = igsidFor("button.tapper");
    const mid = newInstagramMid();
    await deliver(instagramPostback({ senderId: igsid, mid, title: "Book a viewing" }));
    expect(messageByMid(mid)).toMatchObject({ direction: "INBOUND", text: "Book a viewing" });
    expect(conversationFor(igsid)).toMatchObject({ unreadCount: 1 });
  });

  it("stores an unknown message kind as UNSUPPORTED with a readable placeholder", async () => {
    const igsid = igsidFor("reel.sharer");
    const payload = instagramText({ senderId: igsid });
    const message = payload.entry[0].messaging[0].message! as unknown as Record<string, unknown>;
    delete message.text;
    message.attachments = [{ type: "ig_reel_from_the_future", payload: { reel_video_id: "123" } }];
    const event = await deliver(payload);
    expect(event.status).toBe("PROCESSED");
    const stored = messageByMid(message.mid as string)!;
    expect(stored.type).toBe("UNSUPPORTED");
    expect(typeof stored.text).toBe("string");
    expect((stored.text as string).length).toBeGreaterThan(0);
  });

  it("logs but ignores blocklisted senders", async () => {
    const igsid = igsidFor("spammer");
    db.prepare(`INSERT INTO BlockedContact (id, channel, externalId, createdAt) VALUES (?, 'INSTAGRAM', ?, ?)`).run(
      "blocked-spammer",
      igsid,
      sqliteDate(Date.now()),
    );
    const event = await deliver(instagramText({ senderId: igsid, text: "BUY FOLLOWERS" }));
    expect(event.status).toBe("IGNORED");
    expect(contactFor(igsid)).toBeUndefined();
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
    const row = await waitFor(() => eventRow(eventId), "failed event");
    expect(row.status).toBe("FAILED");
    expect(row.error).toBeTruthy();
    const raw = db.prepare(`SELECT rawBody FROM ExternalEventLog WHERE id = ?`).get(eventId) as { rawBody: string };
    expect(raw.rawBody).toContain("nonsense");
  });

  it("processes an event a crash left RECEIVED (the start-up/interval sweeper)", async () => {
    const igsid = igsidFor("crash.survivor");
    const payload = instagramText({ senderId: igsid, text: "sent while you were down" });
    db.prepare(
      `INSERT INTO ExternalEventLog (id, source, rawBody, signatureValid, receivedAt, status, attempts) VALUES (?, 'instagram', ?, 1, ?, 'RECEIVED', 0)`,
    ).run("crash-left-event", JSON.stringify(payload), sqliteDate(Date.now() - 60_000));
    const row = await waitFor(() => eventRow("crash-left-event"), "swept event");
    expect(row.status).toBe("PROCESSED");
    expect(messageByMid(payload.entry[0].messaging[0].message!.mid)).toMatchObject({ text: "sent while you were down" });
  });
});
