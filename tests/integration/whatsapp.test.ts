// WhatsApp Cloud API end to end through the same pipeline: signed deliveries of every inbound type,
// statuses in and out of order, replies and templates against the fake Graph API, media behind a session.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  DEMO_PHONE_NUMBER_ID,
  postWebhook,
  signPayload,
  waIdFor,
  whatsappBatch,
  whatsappButton,
  whatsappContacts,
  whatsappInteractive,
  whatsappLocation,
  whatsappMedia,
  whatsappReaction,
  whatsappStatus,
  whatsappText,
  whatsappUnsupported,
} from "../../scripts/meta-sim/payloads";
import type { FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import type { RunningApp } from "../helpers/app";
import { eventProcessed } from "../helpers/database";
import { startPipeline, type Pipeline } from "../helpers/pipeline";

const APP_SECRET = "whatsapp-app-secret-for-tests";
const VERIFY_TOKEN = "whatsapp-verify-token";
const PHONE = DEMO_PHONE_NUMBER_ID;
const TOKEN = "whatsapp-access-token";
const SEND = { method: "POST", pathIncludes: `/${PHONE}/messages` };
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
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: PHONE,
      WHATSAPP_BUSINESS_ACCOUNT_ID: "102290129340398",
      WHATSAPP_ACCESS_TOKEN: TOKEN,
    },
  });
  ({ graph, app, db, cookie } = pipeline);
});

afterAll(() => pipeline?.stop());

beforeEach(() => graph.reset());

async function deliver(payload: unknown) {
  const res = await postWebhook({ appUrl: app.url, channel: "whatsapp", payload, appSecret: APP_SECRET });
  expect(res.status).toBe(200);
  const { eventId } = (await res.json()) as { eventId: string };
  return eventProcessed(db, eventId);
}

function wamidOf(payload: ReturnType<typeof whatsappText>): string {
  return payload.entry[0].changes[0].value.messages![0].id;
}

const messageByWamid = (wamid: string) =>
  db.message.findUnique({ where: { channel_externalId: { channel: "WHATSAPP", externalId: wamid } } });

const conversationFor = (waId: string, phoneNumberId = PHONE) =>
  db.conversation.findFirst({ where: { contact: { externalId: waId }, businessAccountId: phoneNumberId } });

function reply(conversationId: string, body: unknown) {
  return fetch(`${app.url}/api/inbox/conversations/${conversationId}/reply`, {
    method: "POST",
    headers: { "Content-Type": "application/json", cookie },
    body: JSON.stringify(body),
  });
}

const sendRequests = () => graph.requests().filter((request) => request.method === "POST" && request.path.endsWith(`/${PHONE}/messages`));

describe("WhatsApp webhook", () => {
  it("answers the verification handshake and refuses a wrong token", async () => {
    const ok = await fetch(`${app.url}/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=abc123`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("abc123");
    const refused = await fetch(`${app.url}/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=abc123`);
    expect(refused.status).toBe(403);
  });

  it("refuses a bad signature (401), another channel's object (400) and an oversized body (413), storing nothing", async () => {
    const before = await db.externalEventLog.count();
    const body = JSON.stringify(whatsappText({ from: waIdFor("forger") }));
    const bad = await fetch(`${app.url}/api/webhooks/whatsapp`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Hub-Signature-256": signPayload(body, "wrong-secret") },
      body,
    });
    expect(bad.status).toBe(401);
    const instagram = JSON.stringify({ object: "instagram", entry: [] });
    const wrong = await fetch(`${app.url}/api/webhooks/whatsapp`, {
      method: "POST",
      headers: { "X-Hub-Signature-256": signPayload(instagram, APP_SECRET) },
      body: instagram,
    });
    expect(wrong.status).toBe(400);
    const big = JSON.stringify({ object: "whatsapp_business_account", pad: "x".repeat(1_050_000) });
    const tooBig = await fetch(`${app.url}/api/webhooks/whatsapp`, {
      method: "POST",
      headers: { "X-Hub-Signature-256": signPayload(big, APP_SECRET) },
      body: big,
    });
    expect(tooBig.status).toBe(413);
    expect(await db.externalEventLog.count()).toBe(before);
    expect(app.logs()).toContain("[webhook whatsapp] delivery refused: missing or invalid X-Hub-Signature-256");
  });

  it("keys the contact by wa_id with the profile name, one conversation per (phone number id, wa_id)", async () => {
    const waId = waIdFor("maria");
    const first = whatsappText({ from: waId, name: "Maria Silva", text: "Good morning, can I get a quote for 3 chairs?" });
    await deliver(first);
    const contact = await db.contact.findFirst({ where: { externalId: waId } });
    expect(contact).toMatchObject({ channel: "WHATSAPP", displayName: "Maria Silva", whatsappId: waId });
    expect(await messageByWamid(wamidOf(first))).toMatchObject({ direction: "INBOUND", status: "DELIVERED", type: "TEXT", text: "Good morning, can I get a quote for 3 chairs?" });
    expect(await conversationFor(waId)).toMatchObject({ unreadCount: 1, channel: "WHATSAPP" });

    await deliver(whatsappText({ from: waId, name: "Maria Silva", phoneNumberId: "999000111222333", text: "other number" }));
    expect(await conversationFor(waId, "999000111222333")).toBeTruthy();
    expect((await conversationFor(waId))!.id).not.toBe((await conversationFor(waId, "999000111222333"))!.id);
    expect(await db.contact.count({ where: { externalId: waId } })).toBe(1);
  });

  it("stores every inbound type, unknown ones as UNSUPPORTED with a placeholder", async () => {
    const waId = waIdFor("every.type");
    const cases: { payload: ReturnType<typeof whatsappText>; type: string; check?: (message: Record<string, unknown>) => void }[] = [
      { payload: whatsappText({ from: waId, text: "plain" }), type: "TEXT" },
      { payload: whatsappMedia({ from: waId, type: "image", mediaId: "1473567290098372", caption: "This one" }), type: "IMAGE" },
      { payload: whatsappMedia({ from: waId, type: "video", mediaId: "2000000000000001" }), type: "VIDEO" },
      { payload: whatsappMedia({ from: waId, type: "audio", mediaId: "2000000000000002" }), type: "AUDIO" },
      { payload: whatsappMedia({ from: waId, type: "document", mediaId: "2000000000000003", filename: "quote.pdf" }), type: "FILE" },
      { payload: whatsappMedia({ from: waId, type: "sticker", mediaId: "2000000000000004" }), type: "STICKER" },
      { payload: whatsappLocation({ from: waId }), type: "TEXT" },
      { payload: whatsappContacts({ from: waId }), type: "TEXT" },
      { payload: whatsappInteractive({ from: waId, kind: "button_reply", title: "Book a viewing" }), type: "TEXT" },
      { payload: whatsappInteractive({ from: waId, kind: "list_reply", title: "Blue sofa" }), type: "TEXT" },
      { payload: whatsappButton({ from: waId, text: "Confirm" }), type: "TEXT" },
      { payload: whatsappUnsupported({ from: waId }), type: "UNSUPPORTED" },
    ];
    for (const { payload } of cases) expect((await deliver(payload)).status).toBe("PROCESSED");
    for (const { payload, type } of cases) {
      const message = (await messageByWamid(wamidOf(payload)))!;
      expect(message, `${payload.entry[0].changes[0].value.messages![0].type}`).toBeTruthy();
      expect(message.type).toBe(type);
      expect(message.text || message.attachments, `${type} shows something`).toBeTruthy();
    }
    const image = (await messageByWamid(wamidOf(cases[1].payload)))!;
    expect((image!.attachments as unknown[])[0]).toMatchObject({ kind: "image", mediaId: "1473567290098372", mimeType: "image/jpeg" });
    expect(image.text).toBe("This one");
    const document = (await messageByWamid(wamidOf(cases[4].payload)))!;
    expect((document!.attachments as unknown[])[0]).toMatchObject({ mediaId: "2000000000000003", mimeType: "application/pdf", filename: "quote.pdf" });
    expect((await messageByWamid(wamidOf(cases[8].payload)))!.text).toContain("Book a viewing");
    expect((await messageByWamid(wamidOf(cases[10].payload)))!.text).toContain("Confirm");
    expect(await conversationFor(waId)).toMatchObject({ unreadCount: cases.length });
  });

  it("records a reaction on its target and removes it when the emoji is withdrawn", async () => {
    const waId = waIdFor("reacting.customer");
    const target = whatsappText({ from: waId, text: "react to me" });
    await deliver(target);
    await deliver(whatsappReaction({ from: waId, messageId: wamidOf(target), emoji: "\ud83d\udc4d" }));
    const reactions = () => db.message.findMany({ where: { type: "REACTION", replyToExternalId: wamidOf(target) }, select: { text: true } });
    expect(await reactions()).toEqual([{ text: "\ud83d\udc4d" }]);
    await deliver(whatsappReaction({ from: waId, messageId: wamidOf(target), emoji: null }));
    expect(await reactions()).toEqual([]);
  });

  it("stores a redelivered message once, also under concurrent redelivery", async () => {
    const payload = whatsappText({ from: waIdFor("redelivered"), text: "once" });
    await Promise.all(Array.from({ length: 10 }, () => deliver(payload)));
    await deliver(payload);
    expect(await db.message.count({ where: { externalId: wamidOf(payload) } })).toBe(1);
    expect(await conversationFor(waIdFor("redelivered"))).toMatchObject({ unreadCount: 1 });
  });

  it("processes batched messages and statuses", async () => {
    const [a, b] = [whatsappText({ from: waIdFor("batch.a"), text: "a" }), whatsappText({ from: waIdFor("batch.b"), text: "b" })];
    expect((await deliver(whatsappBatch([a, b]))).status).toBe("PROCESSED");
    expect(await messageByWamid(wamidOf(a))).toBeTruthy();
    expect(await messageByWamid(wamidOf(b))).toBeTruthy();
  });
});

describe("WhatsApp replies and statuses", () => {
  async function freshConversation(name: string) {
    const waId = waIdFor(name);
    await deliver(whatsappText({ from: waId, name, text: `hello from ${name}` }));
    return { waId, conversationId: (await conversationFor(waId))!.id };
  }

  it("sends Meta's text body to /{phone-number-id}/messages and stores Meta's wamid", async () => {
    const { waId, conversationId } = await freshConversation("reply.maria");
    const res = await reply(conversationId, { text: "Hello Maria, here is your quote." });
    expect(res.status).toBe(201);
    const { message } = await res.json();
    expect(message).toMatchObject({ status: "SENT", direction: "OUTBOUND" });
    expect(message.externalId).toMatch(/^wamid\./);
    const [request] = sendRequests();
    expect(request.path).toBe(`/v21.0/${PHONE}/messages`);
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.body).toMatchObject({ messaging_product: "whatsapp", to: waId, type: "text", text: { body: "Hello Maria, here is your quote." } });
  });

  it("moves statuses forward only: a late delivered after read changes nothing", async () => {
    const { conversationId } = await freshConversation("status.order");
    const { message } = await (await reply(conversationId, { text: "Your order shipped" })).json();
    const status = (value: "sent" | "delivered" | "read") => deliver(whatsappStatus({ messageId: message.externalId, status: value }));
    await status("delivered");
    expect(await messageByWamid(message.externalId)).toMatchObject({ status: "DELIVERED" });
    await status("read");
    await status("delivered");
    await status("sent");
    const stored = (await messageByWamid(message.externalId))!;
    expect(stored.status).toBe("READ");
    expect(stored.readAt).toBeTruthy();
    expect(stored.deliveredAt).toBeTruthy();
  });

  it("a failed status marks the message FAILED with Meta's title and details", async () => {
    const { conversationId } = await freshConversation("status.failed");
    const { message } = await (await reply(conversationId, { text: "Are you still interested?" })).json();
    await deliver(whatsappStatus({ messageId: message.externalId, status: "failed" }));
    const stored = (await messageByWamid(message.externalId))!;
    expect(stored.status).toBe("FAILED");
    expect(stored.error).toBe(
      "Re-engagement message: Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
    );
    expect(stored.errorCode).toBe("131047");
  });

  it("refuses free text outside the 24-hour window without calling Meta, and sends an approved template instead", async () => {
    const { waId, conversationId } = await freshConversation("cold.lead");
    await db.conversation.update({ where: { id: conversationId }, data: { lastInboundAt: new Date(Date.now() - 2 * DAY) } });
    const refused = await reply(conversationId, { text: "Hi again!" });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({
      error: { code: "MESSAGING_WINDOW_CLOSED", message: "24-hour messaging window expired. Wait for the customer to message first." },
    });
    expect(sendRequests()).toHaveLength(0);

    const list = await fetch(`${app.url}/api/inbox/conversations/${conversationId}/templates`, { headers: { cookie } });
    expect(list.status).toBe(200);
    const { templates } = await list.json();
    const followUp = templates.find((template: { name: string }) => template.name === "follow_up");
    expect(followUp).toMatchObject({ language: "en_US", status: "APPROVED", parameterCount: 2 });
    await fetch(`${app.url}/api/inbox/conversations/${conversationId}/templates`, { headers: { cookie } });
    expect(graph.requests().filter((request) => request.path.includes("message_templates"))).toHaveLength(1);

    const sent = await reply(conversationId, { template: { name: "follow_up", language: "en_US", parameters: ["Ana", "the blue sofa"] } });
    expect(sent.status).toBe(201);
    const { message } = await sent.json();
    expect(message.text).toBe("Hi Ana, thanks for your interest in the blue sofa. Would you like to book a visit to our showroom?");
    expect(sendRequests()[0].body).toMatchObject({
      messaging_product: "whatsapp",
      to: waId,
      type: "template",
      template: {
        name: "follow_up",
        language: { code: "en_US" },
        components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "text", text: "the blue sofa" }] }],
      },
    });
    expect(await db.communicationLog.findFirst({ where: { messageId: message.id } })).toMatchObject({ kind: "template_sent" });
  });

  it("maps Meta's WhatsApp errors: recipient not on WhatsApp and an expired token answer 502 with a readable message", async () => {
    const { conversationId } = await freshConversation("error.mapping");
    graph.program({ match: SEND, times: 1, respond: { error: "recipient-not-on-whatsapp" } });
    const notOnWhatsApp = await reply(conversationId, { text: "hello?" });
    expect(notOnWhatsApp.status).toBe(502);
    const body = await notOnWhatsApp.json();
    expect(body.error.code).toBe("RECIPIENT_NOT_ON_WHATSAPP");
    expect(body.message.status).toBe("FAILED");

    graph.program({ match: SEND, times: 1, respond: { error: "token-expired" } });
    const expired = await reply(conversationId, { text: "hello again" });
    expect(expired.status).toBe(502);
    expect((await expired.json()).error.code).toBe("TOKEN_EXPIRED");
    expect(await db.integration.findUnique({ where: { name: "whatsapp" } })).toMatchObject({ tokenErrorCount: 1, lastError: expect.stringMatching(/expired/) });
  });

  it("serves WhatsApp media through the Graph API to signed-in staff only", async () => {
    const waId = waIdFor("media.sender");
    const bytes = Buffer.from("%PDF-1.4 fake quote");
    graph.addMedia("3000000000000001", bytes, "application/pdf");
    const payload = whatsappMedia({ from: waId, type: "document", mediaId: "3000000000000001", mimeType: "application/pdf", filename: "quote.pdf" });
    await deliver(payload);
    const message = (await messageByWamid(wamidOf(payload)))!;
    const anonymous = await fetch(`${app.url}/api/inbox/media/${message.id}/0`);
    expect(anonymous.status).toBe(401);
    const res = await fetch(`${app.url}/api/inbox/media/${message.id}/0`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    const download = graph.requests().find((request) => request.path.includes("media-download"));
    expect(download?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});

