// Messenger end to end against the built app and the fake Graph API: the webhook's handshake and
// signatures, every event kind, redelivery and concurrency, profile fetch, replies inside and
// outside the window with and without the Human Agent tag, and the connection test.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  DEMO_PAGE_ID,
  messengerAdReferral,
  messengerAttachmentItem,
  messengerDelivery,
  messengerDeliveryReceiptItem,
  messengerEchoItem,
  messengerPostbackItem,
  messengerReactionItem,
  messengerReadItem,
  messengerText,
  messengerTextItem,
  messengerUnsendItem,
  newMessengerMid,
  postWebhook,
  psidFor,
  signPayload,
} from "../../scripts/meta-sim/payloads";
import type { FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import type { RunningApp } from "../helpers/app";
import { eventProcessed, waitFor } from "../helpers/database";
import { startPipeline, type Pipeline } from "../helpers/pipeline";

const APP_SECRET = "messenger-app-secret-for-tests";
const TOKEN = "fake-messenger-token";
const DAY = 24 * 3_600_000;

let graph: FakeGraph;
let app: RunningApp;
let db: PrismaClient;
let cookie: string;
let pipeline: Pipeline;

beforeAll(async () => {
  pipeline = await startPipeline({
    graphPort: 0,
    env: { MESSENGER_APP_SECRET: APP_SECRET, MESSENGER_VERIFY_TOKEN: "verify-messenger", MESSENGER_PAGE_ID: DEMO_PAGE_ID, MESSENGER_ACCESS_TOKEN: TOKEN },
  });
  ({ graph, app, db, cookie } = pipeline);
});

afterAll(() => pipeline?.stop());

beforeEach(() => graph.reset());

async function deliver(payload: unknown): Promise<string> {
  const res = await postWebhook({ appUrl: app.url, channel: "messenger", payload, appSecret: APP_SECRET });
  expect(res.status).toBe(200);
  const { eventId } = await res.json();
  expect((await eventProcessed(db, eventId)).status).toBe("PROCESSED");
  return eventId;
}

const conversationOf = (psid: string) =>
  db.conversation.findFirst({ where: { channel: "MESSENGER", contact: { externalId: psid } }, include: { contact: { include: { lead: true } } } });

const messagesOf = async (psid: string) =>
  db.message.findMany({ where: { conversation: { channel: "MESSENGER", contact: { externalId: psid } } }, orderBy: { createdAt: "asc" } });

function reply(conversationId: string, body: unknown) {
  return fetch(`${app.url}/api/inbox/conversations/${conversationId}/reply`, {
    method: "POST",
    headers: { "Content-Type": "application/json", cookie },
    body: JSON.stringify(body),
  });
}

const sends = () => graph.requests().filter((request) => request.method === "POST" && request.path.endsWith(`/${DEMO_PAGE_ID}/messages`));

describe("Messenger webhook", () => {
  it("answers Meta's handshake only with the verify token", async () => {
    const url = (token: string) => `${app.url}/api/webhooks/messenger?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`;
    const good = await fetch(url("verify-messenger"));
    expect(good.status).toBe(200);
    expect(await good.text()).toBe("1158201444");
    expect((await fetch(url("wrong"))).status).toBe(403);
  });

  it("refuses unsigned and wrongly signed deliveries before storing them", async () => {
    const before = await db.externalEventLog.count();
    const body = JSON.stringify(messengerText({ senderId: psidFor("forger") }));
    const unsigned = await fetch(`${app.url}/api/webhooks/messenger`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const forged = await fetch(`${app.url}/api/webhooks/messenger`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signPayload(body, "not-the-secret") },
      body,
    });
    expect([unsigned.status, forged.status]).toEqual([401, 401]);
    expect(await db.externalEventLog.count()).toBe(before);
  });

  it("stores a text message in a Messenger conversation with the customer's profile from the Graph API", async () => {
    const psid = psidFor("ana.messenger");
    graph.setProfile(psid, { name: "Ana Costa", username: "unused" });
    await deliver(messengerText({ senderId: psid, text: "Hi, are you open on Sundays?" }));
    const conversation = await waitFor(async () => {
      const found = await conversationOf(psid);
      return found?.contact.displayName === "Ana Costa" ? found : null;
    }, "profile fetched");
    expect(conversation).toMatchObject({ channel: "MESSENGER", businessAccountId: DEMO_PAGE_ID, unreadCount: 1 });
    expect(conversation.contact.avatarUrl).toContain(psid);
    const profileCall = graph.requests().find((request) => request.path.endsWith(`/${psid}`));
    expect(profileCall?.query.fields).toBe("first_name,last_name,profile_pic");
    expect((await messagesOf(psid))[0]).toMatchObject({ direction: "INBOUND", type: "TEXT", text: "Hi, are you open on Sundays?" });
  });

  it("reads attachments, quick replies, postbacks, reactions, reads, deliveries and unsends", async () => {
    const psid = psidFor("joao.messenger");
    const first = newMessengerMid();
    await deliver(
      messengerDelivery([
        messengerTextItem({ senderId: psid, mid: first, text: "Blue", quickReply: "COLOR_BLUE" }),
        messengerAttachmentItem({ senderId: psid, type: "image", url: `${graph.url}/cdn/photo.png` }),
        messengerAttachmentItem({ senderId: psid, type: "video", url: `${graph.url}/cdn/clip.mp4` }),
        messengerAttachmentItem({ senderId: psid, type: "audio", url: `${graph.url}/cdn/voice.mp4` }),
        messengerAttachmentItem({ senderId: psid, type: "file", url: `${graph.url}/cdn/list.pdf` }),
        messengerAttachmentItem({ senderId: psid, type: "fallback", url: "https://shop.example/sofa", title: "Blue sofa" }),
        messengerPostbackItem({ senderId: psid, title: "Talk to sales", payload: "SALES" }),
      ]),
    );
    const stored = await messagesOf(psid);
    expect(stored.map((message) => message.type)).toEqual(["TEXT", "IMAGE", "VIDEO", "AUDIO", "FILE", "TEXT", "TEXT"]);
    expect(stored.at(-1)).toMatchObject({ text: "Talk to sales" });

    const conversation = (await conversationOf(psid))!;
    const sent = await reply(conversation.id, { text: "Here is our catalogue." });
    expect(sent.status).toBe(201);
    const ours = (await sent.json()).message.externalId as string;
    await deliver(
      messengerDelivery([
        messengerDeliveryReceiptItem({ senderId: psid, mids: [ours] }),
        messengerReadItem({ senderId: psid, watermark: Date.now() + 1_000 }),
        messengerReactionItem({ senderId: psid, targetMid: ours, emoji: "👍" }),
        messengerUnsendItem({ senderId: psid, mid: first }),
      ]),
    );
    const reread = await db.message.findFirst({ where: { externalId: ours } });
    expect(reread!.status).toBe("READ");
    expect(await db.message.findFirst({ where: { channel: "MESSENGER", type: "REACTION", replyToExternalId: ours } })).toMatchObject({ text: "👍" });
    expect(await db.message.findFirst({ where: { externalId: first } })).toMatchObject({ deletedAt: expect.any(Date) });
  });

  it("stores each message once under redelivery and concurrent deliveries", async () => {
    const psid = psidFor("lena.messenger");
    const payload = messengerText({ senderId: psid, text: "Once only" });
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => postWebhook({ appUrl: app.url, channel: "messenger", payload, appSecret: APP_SECRET })),
    );
    expect(responses.every((res) => res.status === 200)).toBe(true);
    for (const res of responses) await eventProcessed(db, (await res.json()).eventId);
    expect(await messagesOf(psid)).toHaveLength(1);
    expect(await db.conversation.count({ where: { contact: { externalId: psid } } })).toBe(1);
  });

  it("turns an m.me ref and a Click-to-Messenger ad into the lead's source", async () => {
    const fromAd = psidFor("ad.messenger");
    await deliver(messengerText({ senderId: fromAd, text: "Is this still available?", referral: messengerAdReferral("6045246247433", "Blue sofa -20%") }));
    expect((await conversationOf(fromAd))!.contact.lead).toMatchObject({ sourceKind: "ad", sourceChannel: "MESSENGER", sourceAdId: "6045246247433" });

    const fromLink = psidFor("link.messenger");
    await deliver(messengerDelivery([messengerPostbackItem({ senderId: fromLink, title: "Get Started", payload: "GET_STARTED", ref: "spring-sale" })]));
    expect((await conversationOf(fromLink))!.contact.lead).toMatchObject({ sourceKind: "link", sourceChannel: "MESSENGER" });
  });

  it("completes our reply from its echo even when the echo overtakes the Send API's answer", async () => {
    const psid = psidFor("race.messenger");
    await deliver(messengerText({ senderId: psid }));
    const conversation = (await conversationOf(psid))!;
    const mid = newMessengerMid();
    graph.program({ match: { method: "POST", pathIncludes: `/${DEMO_PAGE_ID}/messages` }, respond: { delayMs: 1_500, status: 200, body: { recipient_id: psid, message_id: mid } }, times: 1 });
    const sending = reply(conversation.id, { text: "On its way" });
    await waitFor(() => db.message.findFirst({ where: { conversationId: conversation.id, status: "PENDING" } }), "pending reply");
    await deliver(messengerDelivery([messengerEchoItem({ senderId: psid, mid, text: "On its way", appId: "1" })]));
    expect((await sending).status).toBe(201);
    const outbound = (await messagesOf(psid)).filter((message) => message.direction === "OUTBOUND");
    expect(outbound).toHaveLength(1);
    expect(outbound[0]).toMatchObject({ externalId: mid, text: "On its way" });
  });
});

describe("Messenger replies", () => {
  async function conversationAgo(name: string, agoMs: number) {
    const psid = psidFor(name);
    await deliver(messengerText({ senderId: psid }));
    const conversation = (await conversationOf(psid))!;
    await db.conversation.update({ where: { id: conversation.id }, data: { lastInboundAt: new Date(Date.now() - agoMs) } });
    return { psid, conversationId: conversation.id };
  }

  it("sends a RESPONSE with the Page token inside 24 hours", async () => {
    const { psid, conversationId } = await conversationAgo("reply.inside", 60_000);
    const res = await reply(conversationId, { text: "Yes, we open at 10." });
    expect(res.status).toBe(201);
    const [request] = sends();
    expect(request.body).toEqual({ recipient: { id: psid }, messaging_type: "RESPONSE", message: { text: "Yes, we open at 10." } });
    expect(JSON.stringify(request.headers) + JSON.stringify(request.query)).toContain(TOKEN);
  });

  it("refuses after 24 hours without the Human Agent tag, and sends tagged HUMAN_AGENT within 7 days with it", async () => {
    const { conversationId } = await conversationAgo("reply.tagged", 3 * DAY);
    const refused = await reply(conversationId, { text: "Still interested?" });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.code).toBe("MESSAGING_WINDOW_CLOSED");
    expect(sends()).toHaveLength(0);

    await db.integration.create({ data: { name: "messenger", config: { humanAgentTag: true } } });
    try {
      const detail = await (await fetch(`${app.url}/api/inbox/conversations/${conversationId}`, { headers: { cookie } })).json();
      expect(detail.conversation).toMatchObject({ humanAgent: true, channelLabel: "Messenger" });
      const tagged = await reply(conversationId, { text: "Following up as promised" });
      expect(tagged.status).toBe(201);
      expect(sends()[0].body).toMatchObject({ messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" });

      await db.conversation.update({ where: { id: conversationId }, data: { lastInboundAt: new Date(Date.now() - 8 * DAY) } });
      expect((await reply(conversationId, { text: "Anyone?" })).status).toBe(422);
      expect(sends()).toHaveLength(1);
    } finally {
      await db.integration.deleteMany({ where: { name: "messenger" } });
    }
  });

  it("maps Meta's errors like the other channels, naming Messenger", async () => {
    const { conversationId } = await conversationAgo("reply.error", 60_000);
    graph.program({ match: { method: "POST", pathIncludes: `/${DEMO_PAGE_ID}/messages` }, respond: { error: "token-expired" }, times: 1 });
    const res = await reply(conversationId, { text: "Hello?" });
    expect(res.status).toBe(502);
    const body = await res.json();
    expect(body.error).toEqual({ code: "TOKEN_EXPIRED", message: "Messenger token expired — reconnect in Settings" });
    expect(body.message).toMatchObject({ status: "FAILED" });
  });
});

describe("Messenger settings", () => {
  it("lists a Messenger card from env and tests the connection as the Page", async () => {
    const list = await (await fetch(`${app.url}/api/settings/integrations`, { headers: { cookie } })).json();
    const card = list.integrations.find((integration: { key: string }) => integration.key === "messenger");
    expect(card).toMatchObject({ channel: "messenger", label: "Messenger", source: "environment", pageId: DEMO_PAGE_ID, callbackUrl: expect.stringMatching(/\/api\/webhooks\/messenger$/) });
    expect(card.webhookFields).toContain("messaging_referrals");

    const tested = await fetch(`${app.url}/api/settings/integrations/messenger/test`, { method: "POST", headers: { cookie, origin: app.url, "sec-fetch-site": "same-origin", "content-type": "application/json" }, body: "{}" });
    expect(tested.status).toBe(200);
    expect(await tested.json()).toMatchObject({ ok: true, connectedAs: `Demo Furniture Co (Page ${DEMO_PAGE_ID})` });
  });
});
