// Replying on Instagram end to end: the reply route against the fake Graph API (Meta's exact
// request body, its error bodies), window rules, idempotency, echo races, retry and sync.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  DEMO_INSTAGRAM_ACCOUNT_ID,
  igsidFor,
  instagramEcho,
  instagramText,
  newInstagramMid,
  postWebhook,
} from "../../scripts/meta-sim/payloads";
import type { FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import type { RunningApp } from "../helpers/app";
import { callApi } from "../helpers/api";
import { eventProcessed, waitFor } from "../helpers/database";
import { startPipeline, type Pipeline } from "../helpers/pipeline";

const APP_SECRET = "instagram-app-secret-for-reply-tests";
const ACCOUNT = DEMO_INSTAGRAM_ACCOUNT_ID;
const TOKEN = "instagram-access-token-reply";
const DAY = 24 * 3_600_000;

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
      INSTAGRAM_VERIFY_TOKEN: "verify",
      INSTAGRAM_PAGE_ID: ACCOUNT,
      INSTAGRAM_ACCESS_TOKEN: TOKEN,
    },
  });
  ({ graph, app, db, cookie } = pipeline);
});

afterAll(() => pipeline?.stop());

beforeEach(() => graph.reset());

async function processed(eventId: string) {
  expect((await eventProcessed(db, eventId)).status).toBe("PROCESSED");
}

/** A conversation with a customer who just wrote, via a real signed webhook. */
async function conversationWith(name: string, options: { lastInboundAgoMs?: number } = {}) {
  const igsid = igsidFor(name);
  const res = await postWebhook({ appUrl: app.url, channel: "instagram", payload: instagramText({ senderId: igsid, text: `hi from ${name}` }), appSecret: APP_SECRET });
  await processed((await res.json()).eventId);
  const conversation = (await db.conversation.findFirst({ where: { contact: { externalId: igsid } } }))!;
  if (options.lastInboundAgoMs !== undefined) {
    await lastInboundAgo(conversation.id, options.lastInboundAgoMs);
  }
  return { igsid, conversationId: conversation.id };
}

function lastInboundAgo(conversationId: string, ms: number) {
  return db.conversation.update({ where: { id: conversationId }, data: { lastInboundAt: new Date(Date.now() - ms) } });
}

function reply(conversationId: string, body: unknown, headers: Record<string, string> = { cookie }) {
  return fetch(`${app.url}/api/inbox/conversations/${conversationId}/reply`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

const SEND = { method: "POST", pathIncludes: `/${ACCOUNT}/messages` };
const sendRequests = () => graph.requests().filter((request) => request.method === "POST" && request.path.endsWith(`/${ACCOUNT}/messages`));

describe("Instagram reply", () => {
  it("sends Meta's exact body, stores the message SENT with Meta's id, logs it, touches the lead", async () => {
    const { igsid, conversationId } = await conversationWith("reply.ana");
    const res = await reply(conversationId, { text: "Yes, it is still available." });
    expect(res.status).toBe(201);
    const { message } = await res.json();
    expect(message).toMatchObject({ direction: "OUTBOUND", status: "SENT", text: "Yes, it is still available.", type: "TEXT" });
    expect(message.externalId).toBeTruthy();

    const [request] = sendRequests();
    expect(request.body).toEqual({ recipient: { id: igsid }, messaging_type: "RESPONSE", message: { text: "Yes, it is still available." } });
    expect(request.path).toBe(`/v21.0/${ACCOUNT}/messages`);
    expect(JSON.stringify(request.headers) + request.query).toContain(TOKEN);

    expect(await db.communicationLog.findFirst({ where: { messageId: message.id } })).toMatchObject({ kind: "reply_sent", direction: "OUTBOUND" });
    const conversation = await db.conversation.findUnique({ where: { id: conversationId }, include: { contact: { include: { lead: true } } } });
    expect(conversation!.contact.lead!.lastContactAt!.getTime()).toBeGreaterThan(Date.now() - 10_000);
    expect(conversation).toMatchObject({ lastMessagePreview: "You: Yes, it is still available." });
  });

  it("validates the body and requires a session", async () => {
    const { conversationId } = await conversationWith("reply.validation");
    const empty = await reply(conversationId, { text: "   " });
    expect(empty.status).toBe(422);
    expect((await empty.json()).error.code).toBe("VALIDATION_FAILED");
    const tooLong = await reply(conversationId, { text: "x".repeat(1001) });
    expect(tooLong.status).toBe(422);
    const anonymous = await reply(conversationId, { text: "hi" }, {});
    expect(anonymous.status).toBe(401);
    const unknown = await reply("no-such-conversation", { text: "hi" });
    expect(unknown.status).toBe(404);
    const broken = await fetch(`${app.url}/api/inbox/conversations/${conversationId}/reply`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: "{" });
    expect(broken.status).toBe(400);
    expect(sendRequests()).toHaveLength(0);
  });

  it("refuses outside the 24-hour window with the exact error and no Graph call", async () => {
    const { conversationId } = await conversationWith("reply.cold", { lastInboundAgoMs: DAY + 60_000 });
    const res = await reply(conversationId, { text: "Still interested?" });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: { code: "MESSAGING_WINDOW_CLOSED", message: "24-hour messaging window expired. Wait for the customer to message first." },
    });
    expect(sendRequests()).toHaveLength(0);
  });

  it("with the Human Agent tag enabled, sends up to 7 days later tagged HUMAN_AGENT", async () => {
    const { conversationId } = await conversationWith("reply.tagged", { lastInboundAgoMs: 3 * DAY });
    await db.integration.create({ data: { name: "instagram", config: { humanAgentTag: true } } });
    try {
      const res = await reply(conversationId, { text: "Following up as promised" });
      expect(res.status).toBe(201);
      expect(sendRequests()[0].body).toMatchObject({ messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT", message: { text: "Following up as promised" } });

      await lastInboundAgo(conversationId, 8 * DAY);
      const tooLate = await reply(conversationId, { text: "Anyone?" });
      expect(tooLate.status).toBe(422);
      expect(sendRequests()).toHaveLength(1);
    } finally {
      await db.integration.deleteMany({ where: { name: "instagram" } });
    }
  });

  it("an expired token answers 502 with the mapped message, keeps the FAILED message, and a retry sends it", async () => {
    const { conversationId } = await conversationWith("reply.expired");
    graph.program({ match: SEND, times: 1, respond: { error: "token-expired" } });
    const res = await reply(conversationId, { text: "Here is the price list" });
    expect(res.status).toBe(502);
    const body = await res.json();
    expect(body.error).toEqual({ code: "TOKEN_EXPIRED", message: "Instagram token expired — reconnect in Settings" });
    expect(body.message).toMatchObject({ status: "FAILED", error: "Instagram token expired — reconnect in Settings", text: "Here is the price list" });
    expect(await db.message.findUnique({ where: { id: body.message.id } })).toMatchObject({ status: "FAILED", errorCode: "TOKEN_EXPIRED" });
    // One token error is counted, not yet a disconnect (three in a row are: token-errors.ts).
    expect(await db.integration.findUnique({ where: { name: "instagram" } })).toMatchObject({ tokenErrorCount: 1, needsReconnect: false });
    expect(await db.communicationLog.findFirst({ where: { messageId: body.message.id } })).toMatchObject({ kind: "reply_failed" });

    const retried = await fetch(`${app.url}/api/inbox/messages/${body.message.id}/retry`, { method: "POST", headers: { cookie } });
    expect(retried.status).toBe(200);
    expect((await retried.json()).message).toMatchObject({ id: body.message.id, status: "SENT", error: null });
    expect(await db.integration.findUnique({ where: { name: "instagram" } })).toMatchObject({ tokenErrorCount: 0, needsReconnect: false, lastError: null });
    expect(await db.message.count({ where: { conversationId, direction: "OUTBOUND" } })).toBe(1);
    const again = await fetch(`${app.url}/api/inbox/messages/${body.message.id}/retry`, { method: "POST", headers: { cookie } });
    expect(again.status).toBe(409);
  });

  it("retries a transient 500 and then succeeds", async () => {
    const { conversationId } = await conversationWith("reply.transient");
    graph.program({ match: SEND, times: 1, respond: { error: "server-error" } });
    const res = await reply(conversationId, { text: "Sorry for the wait" });
    expect(res.status).toBe(201);
    expect((await res.json()).message.status).toBe("SENT");
    expect(sendRequests()).toHaveLength(2);
  });

  it("sends once for the same idempotency key, even when the clicks race", async () => {
    const { conversationId } = await conversationWith("reply.double");
    const first = await reply(conversationId, { text: "Booked!", idempotencyKey: "click-1" });
    const second = await reply(conversationId, { text: "Booked!", idempotencyKey: "click-1" });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect((await second.json()).message.id).toBe((await first.json()).message.id);
    expect(sendRequests()).toHaveLength(1);

    graph.program({ match: SEND, times: 1, respond: { delayMs: 400 } });
    const racing = await Promise.all([1, 2, 3].map(() => reply(conversationId, { text: "See you", idempotencyKey: "click-2" })));
    const ids = await Promise.all(racing.map(async (res) => (await res.json()).message.id));
    expect(new Set(ids).size).toBe(1);
    expect(racing.map((res) => res.status)).toEqual([201, 201, 201]);
    expect(sendRequests()).toHaveLength(2);
  });

  it("the echo of our own reply never duplicates it, also when it overtakes the Send API answer", async () => {
    const { igsid, conversationId } = await conversationWith("reply.echo");
    const res = await reply(conversationId, { text: "Echo after answer" });
    const { message } = await res.json();
    const firstEcho = await postWebhook({ appUrl: app.url, channel: "instagram", payload: instagramEcho({ recipientId: igsid, mid: message.externalId, text: "Echo after answer" }), appSecret: APP_SECRET });
    await processed((await firstEcho.json()).eventId);

    // Meta's answer is held back; the echo (same mid Meta will answer with) arrives first.
    const mid = newInstagramMid();
    graph.program({ match: SEND, times: 1, respond: { delayMs: 1500, status: 200, body: { recipient_id: igsid, message_id: mid } } });
    const pending = reply(conversationId, { text: "Echo before answer" });
    await waitFor(
      () => db.message.findFirst({ where: { conversationId, status: "PENDING" } }),
      "pending reply",
    );
    const echo = await postWebhook({ appUrl: app.url, channel: "instagram", payload: instagramEcho({ recipientId: igsid, mid, text: "Echo before answer" }), appSecret: APP_SECRET });
    await processed((await echo.json()).eventId);
    // The echo completed the PENDING reply rather than adding a second bubble.
    expect(await db.message.findMany({ where: { conversationId, text: "Echo before answer" }, select: { externalId: true, status: true } })).toEqual([
      { externalId: mid, status: "SENT" },
    ]);
    const sent = await pending;
    expect(sent.status).toBe(201);
    expect((await sent.json()).message).toMatchObject({ externalId: mid, status: "SENT" });

    const rows = await db.message.findMany({
      where: { conversationId, direction: "OUTBOUND" },
      orderBy: { sentAt: "asc" },
      select: { text: true, externalId: true },
    });
    expect(rows).toEqual([
      { text: "Echo after answer", externalId: message.externalId },
      { text: "Echo before answer", externalId: mid },
    ]);
  });
});

describe("Instagram conversation sync", () => {
  it("backfills conversations and messages without duplicates, merging with webhook messages", async () => {
    const igsid = igsidFor("sync.customer");
    const webhookMid = newInstagramMid();
    const res = await postWebhook({ appUrl: app.url, channel: "instagram", payload: instagramText({ senderId: igsid, mid: webhookMid, text: "from the webhook", timestamp: Date.now() - 1000 }), appSecret: APP_SECRET });
    await processed((await res.json()).eventId);

    const olderMid = newInstagramMid();
    graph.addConversation({
      participant: { id: igsid, username: "sync.customer" },
      messages: [
        { id: olderMid, from: "customer", text: "an old question", createdTime: Date.now() - 3 * DAY },
        { id: webhookMid, from: "customer", text: "from the webhook", createdTime: Date.now() - 1000 },
      ],
    });
    const other = igsidFor("sync.only");
    graph.addConversation({
      participant: { id: other, username: "sync.only" },
      messages: [{ from: "business", text: "We sent this before the webhook existed", createdTime: Date.now() - 5 * DAY }],
    });

    for (let round = 0; round < 2; round++) {
      const list = await callApi(app.url, cookie, "POST", "/api/inbox/sync", { channel: "instagram" });
      expect(list.status).toBe(200);
    }
    expect(await db.message.count({ where: { externalId: olderMid } })).toBe(1);
    expect(await db.message.count({ where: { externalId: webhookMid } })).toBe(1);
    const synced = (await db.conversation.findFirst({ where: { contact: { externalId: other } } }))!;
    expect(synced.unreadCount).toBe(0);
    expect(await db.message.findMany({ where: { conversationId: synced.id }, select: { direction: true } })).toEqual([{ direction: "OUTBOUND" }]);

    const detail = await callApi(app.url, cookie, "POST", "/api/inbox/sync", { conversationId: synced.id });
    expect(detail.status).toBe(200);
    // The body is validated: a channel that does not exist, or both targets at once, is refused.
    expect((await callApi(app.url, cookie, "POST", "/api/inbox/sync", { channel: "telegram" })).status).toBe(422);
    expect((await callApi(app.url, cookie, "POST", "/api/inbox/sync", { channel: "instagram", conversationId: synced.id })).status).toBe(422);
  });
});
