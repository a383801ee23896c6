// "Nothing the customer does is dropped": reactions, edits, quoted replies, story mentions and
// tapped choices on both channels, as the thread API shows them; and "sending from two places":
// the echo of our reply that overtakes the Send API's answer still ends as one message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  DEMO_INSTAGRAM_ACCOUNT_ID,
  igsidFor,
  instagramEcho,
  instagramEdit,
  instagramPostback,
  instagramQuickReply,
  instagramReaction,
  instagramStoryMention,
  instagramText,
  newInstagramMid,
  postWebhook,
  waIdFor,
  whatsappButton,
  whatsappEdit,
  whatsappInteractive,
  whatsappReaction,
  whatsappText,
} from "../../scripts/meta-sim/payloads";
import type { FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import { callApi } from "../helpers/api";
import type { RunningApp } from "../helpers/app";
import { eventProcessed, waitFor } from "../helpers/database";
import { bothChannelsEnv, startPipeline, type Pipeline } from "../helpers/pipeline";

const ENV = bothChannelsEnv("customer-actions");
const INSTAGRAM_SECRET = ENV.INSTAGRAM_APP_SECRET;
const WHATSAPP_SECRET = ENV.WHATSAPP_APP_SECRET;
const ACCOUNT = DEMO_INSTAGRAM_ACCOUNT_ID;
const HOUR = 3_600_000;

let pipeline: Pipeline;
let graph: FakeGraph;
let app: RunningApp;
let db: PrismaClient;
let cookie: string;

beforeAll(async () => {
  pipeline = await startPipeline({
    graphPort: 0,
    env: ENV,
  });
  ({ graph, app, db, cookie } = pipeline);
});

afterAll(() => pipeline?.stop());

async function deliver(channel: "instagram" | "whatsapp", payload: unknown) {
  const appSecret = channel === "instagram" ? INSTAGRAM_SECRET : WHATSAPP_SECRET;
  const res = await postWebhook({ appUrl: app.url, channel, payload, appSecret });
  expect(res.status).toBe(200);
  const { eventId } = (await res.json()) as { eventId: string };
  expect((await eventProcessed(db, eventId)).status).toBe("PROCESSED");
}

const deliverInstagram = (payload: unknown) => deliver("instagram", payload);
const deliverWhatsApp = (payload: unknown) => deliver("whatsapp", payload);

const wamidOf = (payload: ReturnType<typeof whatsappText>) => payload.entry[0].changes[0].value.messages![0].id;

async function conversationOf(externalId: string): Promise<string> {
  const conversation = await db.conversation.findFirst({ where: { contact: { externalId } }, select: { id: true } });
  return conversation!.id;
}

// `any`: the assertions read the JSON field by field.
async function messagesPage(conversationId: string, query = ""): Promise<{ messages: any[]; nextCursor: string | null }> {
  const res = await callApi(app.url, cookie, "GET", `/api/inbox/conversations/${conversationId}/messages${query}`);
  expect(res.status).toBe(200);
  return res.body;
}

async function threadMessage(conversationId: string, externalId: string) {
  const { messages } = await messagesPage(conversationId);
  return messages.find((message) => message.externalId === externalId);
}

const preview = async (conversationId: string) =>
  (await db.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { lastMessagePreview: true } })).lastMessagePreview;

describe("reactions show on the message they react to", () => {
  it("Instagram: a customer's reaction on our message, redelivered once, withdrawn live", async () => {
    const igsid = igsidFor("actions.reactor");
    const ours = newInstagramMid();
    await deliverInstagram(instagramText({ senderId: igsid, text: "Is the blue sofa in stock?", timestamp: Date.now() - 3000 }));
    await deliverInstagram(instagramEcho({ recipientId: igsid, mid: ours, text: "Yes, two left", timestamp: Date.now() - 2000 }));
    const conversationId = await conversationOf(igsid);

    const reaction = instagramReaction({ senderId: igsid, mid: ours, emoji: "❤️" });
    await deliverInstagram(reaction);
    await deliverInstagram(reaction);
    const { messages } = await messagesPage(conversationId);
    // The reaction is not a message of its own in the thread: only the two messages are.
    expect(messages.map((message) => message.type)).toEqual(["TEXT", "TEXT"]);
    expect(messages.find((message) => message.externalId === ours).reactions).toEqual([{ emoji: "❤️", direction: "INBOUND" }]);
    expect(await db.message.count({ where: { conversationId, type: "REACTION" } })).toBe(1);
    expect(await preview(conversationId)).toBe("Reacted ❤️ to a message");

    await deliverInstagram(instagramReaction({ senderId: igsid, mid: ours, action: "unreact" }));
    expect((await threadMessage(conversationId, ours)).reactions).toEqual([]);
    expect(await preview(conversationId)).toBe("You: Yes, two left");
  });

  it("Instagram: the business's own reaction from the app sits next to the customer's, not over it", async () => {
    const igsid = igsidFor("actions.mutual");
    const mid = newInstagramMid();
    await deliverInstagram(instagramText({ senderId: igsid, mid, text: "Found it, thanks!" }));
    await deliverInstagram(instagramReaction({ senderId: igsid, mid, emoji: "😀" }));
    await deliverInstagram(instagramReaction({ senderId: igsid, mid, emoji: "👍", byBusiness: true }));
    const conversationId = await conversationOf(igsid);
    expect((await threadMessage(conversationId, mid)).reactions).toEqual([
      { emoji: "😀", direction: "INBOUND" },
      { emoji: "👍", direction: "OUTBOUND" },
    ]);
    expect(await preview(conversationId)).toBe("You: Reacted 👍 to a message");
  });

  it("WhatsApp: a reaction, a changed emoji, a redelivery and the withdrawal", async () => {
    const waId = waIdFor("actions.reactor");
    const target = whatsappText({ from: waId, text: "Can you deliver on Friday?" });
    await deliverWhatsApp(target);
    const conversationId = await conversationOf(waId);

    await deliverWhatsApp(whatsappReaction({ from: waId, messageId: wamidOf(target), emoji: "👍" }));
    const changed = whatsappReaction({ from: waId, messageId: wamidOf(target), emoji: "🙏" });
    await deliverWhatsApp(changed);
    await deliverWhatsApp(changed);
    const { messages } = await messagesPage(conversationId);
    expect(messages).toHaveLength(1);
    expect(messages[0].reactions).toEqual([{ emoji: "🙏", direction: "INBOUND" }]);

    await deliverWhatsApp(whatsappReaction({ from: waId, messageId: wamidOf(target), emoji: null }));
    expect((await threadMessage(conversationId, wamidOf(target))).reactions).toEqual([]);
    expect(await preview(conversationId)).toBe("Can you deliver on Friday?");
  });
});

describe("edits update the text and say when", () => {
  it("Instagram message_edit", async () => {
    const igsid = igsidFor("actions.editor");
    const mid = newInstagramMid();
    await deliverInstagram(instagramText({ senderId: igsid, mid, text: "I want 2 chairs" }));
    // Now, not later: a time after the delivery arrived would be filed at its receipt time.
    const editedAt = Date.now();
    const edit = instagramEdit({ senderId: igsid, mid, text: "I want 3 chairs", timestamp: editedAt });
    await deliverInstagram(edit);
    await deliverInstagram(edit);
    const message = await threadMessage(await conversationOf(igsid), mid);
    expect(message).toMatchObject({ text: "I want 3 chairs", editedAt: new Date(editedAt).toISOString() });
  });

  it("WhatsApp edit (Coexistence numbers)", async () => {
    const waId = waIdFor("actions.editor");
    const original = whatsappText({ from: waId, text: "Table for 4" });
    await deliverWhatsApp(original);
    await deliverWhatsApp(whatsappEdit({ from: waId, messageId: wamidOf(original), text: "Table for 6" }));
    const message = await threadMessage(await conversationOf(waId), wamidOf(original));
    expect(message.text).toBe("Table for 6");
    expect(message.editedAt).not.toBeNull();
  });
});

describe("replies to a specific message are quoted", () => {
  it("Instagram: the quote resolves when the original is pages back, and reactions never shift the pages", async () => {
    const igsid = igsidFor("actions.quoter");
    const start = Date.now() - 60_000;
    const original = newInstagramMid();
    await deliverInstagram(instagramText({ senderId: igsid, mid: original, text: "Do you ship to Porto?", timestamp: start }));
    for (let index = 1; index <= 4; index++) {
      await deliverInstagram(instagramText({ senderId: igsid, text: `filler ${index}`, timestamp: start + index * 1000 }));
    }
    await deliverInstagram(instagramReaction({ senderId: igsid, mid: original, emoji: "😮", timestamp: start + 5000 }));
    const quoting = newInstagramMid();
    await deliverInstagram(instagramText({ senderId: igsid, mid: quoting, text: "about this ^", replyToMid: original, timestamp: start + 6000 }));
    const conversationId = await conversationOf(igsid);

    const newest = await messagesPage(conversationId, "?limit=2");
    expect(newest.messages.map((message) => message.text)).toEqual(["filler 4", "about this ^"]);
    const originalRow = await db.message.findFirstOrThrow({ where: { externalId: original }, select: { id: true } });
    expect(newest.messages[1]).toMatchObject({
      replyToExternalId: original,
      replyTo: { id: originalRow.id, text: "Do you ship to Porto?", type: "TEXT", direction: "INBOUND" },
    });

    // Walking back page by page yields every message once, oldest last, and no reaction rows.
    const texts: string[] = [];
    let page = newest;
    for (;;) {
      texts.unshift(...page.messages.map((message) => message.text));
      if (!page.nextCursor) break;
      page = await messagesPage(conversationId, `?limit=2&cursor=${page.nextCursor}`);
    }
    expect(texts).toEqual(["Do you ship to Porto?", "filler 1", "filler 2", "filler 3", "filler 4", "about this ^"]);
    expect(page.messages[0].reactions).toEqual([{ emoji: "😮", direction: "INBOUND" }]);
  });

  it("WhatsApp context.id: resolved to the quoted message, or kept unresolved when we never had it", async () => {
    const waId = waIdFor("actions.quoter");
    const original = whatsappText({ from: waId, text: "Price of the oak table?", timestamp: Date.now() - 5000 });
    await deliverWhatsApp(original);
    const quoting = whatsappText({ from: waId, text: "and in walnut?", replyToWamid: wamidOf(original) });
    await deliverWhatsApp(quoting);
    const unknown = whatsappText({ from: waId, text: "this one", replyToWamid: "wamid.NEVER_SEEN", timestamp: Date.now() + 1000 });
    await deliverWhatsApp(unknown);
    const conversationId = await conversationOf(waId);

    expect(await threadMessage(conversationId, wamidOf(quoting))).toMatchObject({
      replyTo: { text: "Price of the oak table?", type: "TEXT", direction: "INBOUND" },
    });
    expect(await threadMessage(conversationId, wamidOf(unknown))).toMatchObject({ replyToExternalId: "wamid.NEVER_SEEN", replyTo: null });
  });
});

describe("story mentions", () => {
  it("are stored with the story, served through the media route, and open the messaging window", async () => {
    const igsid = igsidFor("actions.mentioner");
    const mid = newInstagramMid();
    const mentionedAt = Date.now();
    await deliverInstagram(instagramStoryMention({ senderId: igsid, mid, storyUrl: `${graph.url}/cdn/story/${mid}.png`, timestamp: mentionedAt }));
    const conversationId = await conversationOf(igsid);

    const message = await threadMessage(conversationId, mid);
    expect(message).toMatchObject({ direction: "INBOUND", type: "STORY_REPLY", attachments: [{ kind: "story_mention" }] });
    const media = await fetch(`${app.url}/api/inbox/media/${message.id}/0`, { headers: { cookie } });
    expect(media.status).toBe(200);
    expect(media.headers.get("content-type")).toBe("image/png");

    const { body } = await callApi(app.url, cookie, "GET", `/api/inbox/conversations/${conversationId}`);
    expect(Date.parse(body.conversation.windowClosesAt)).toBe(mentionedAt + 24 * HOUR);
    const reply = await callApi(app.url, cookie, "POST", `/api/inbox/conversations/${conversationId}/reply`, { text: "Thanks for the mention!" });
    expect(reply.status).toBe(201);
  });
});

describe("postbacks, quick replies and buttons are the customer's choice", () => {
  it("Instagram postback and quick reply", async () => {
    const igsid = igsidFor("actions.chooser");
    const postback = newInstagramMid();
    const quickReply = newInstagramMid();
    await deliverInstagram(instagramPostback({ senderId: igsid, mid: postback, title: "Book a viewing", payload: "BOOK_VIEWING", timestamp: Date.now() - 1000 }));
    await deliverInstagram(instagramQuickReply({ senderId: igsid, mid: quickReply, text: "Saturday", payload: "DAY_SAT" }));
    const conversationId = await conversationOf(igsid);

    expect(await threadMessage(conversationId, postback)).toMatchObject({
      direction: "INBOUND",
      text: "Book a viewing",
      attachments: [{ kind: "interactive", meta: { postbackPayload: "BOOK_VIEWING" } }],
    });
    expect(await threadMessage(conversationId, quickReply)).toMatchObject({
      text: "Saturday",
      attachments: [{ kind: "interactive", meta: { quickReplyPayload: "DAY_SAT" } }],
    });
  });

  it("WhatsApp reply button, list row and template button", async () => {
    const waId = waIdFor("actions.chooser");
    const now = Date.now();
    const button = whatsappInteractive({ from: waId, kind: "button_reply", replyId: "yes", title: "Yes, book it", timestamp: now - 3000 });
    const row = whatsappInteractive({ from: waId, kind: "list_reply", replyId: "slot-2", title: "Tuesday 10:00", timestamp: now - 2000 });
    const template = whatsappButton({ from: waId, text: "Confirm", payload: "CONFIRM_ORDER", timestamp: now - 1000 });
    for (const payload of [button, row, template]) await deliverWhatsApp(payload);
    const conversationId = await conversationOf(waId);

    expect(await threadMessage(conversationId, wamidOf(button))).toMatchObject({ text: "Yes, book it", attachments: [{ kind: "interactive", meta: { type: "button_reply", id: "yes" } }] });
    expect(await threadMessage(conversationId, wamidOf(row))).toMatchObject({ text: "Tuesday 10:00", attachments: [{ kind: "interactive", meta: { type: "list_reply", id: "slot-2" } }] });
    expect(await threadMessage(conversationId, wamidOf(template))).toMatchObject({ text: "Confirm", attachments: [{ kind: "interactive", meta: { type: "button", payload: "CONFIRM_ORDER" } }] });
  });
});

describe("sending from two places", () => {
  it("the echo that arrives while the Send API call is still open completes the reply: one message, SENT, with Meta's id", async () => {
    const igsid = igsidFor("actions.racer");
    await deliverInstagram(instagramText({ senderId: igsid, text: "Still open today?" }));
    const conversationId = await conversationOf(igsid);

    // Meta holds its answer; the echo of the very message it will answer with goes out first.
    const mid = newInstagramMid();
    graph.program({
      match: { method: "POST", pathIncludes: `/${ACCOUNT}/messages` },
      times: 1,
      respond: { delayMs: 5000, status: 200, body: { recipient_id: igsid, message_id: mid } },
    });
    let answered = false;
    const sending = callApi(app.url, cookie, "POST", `/api/inbox/conversations/${conversationId}/reply`, { text: "Until 7pm" }).finally(() => {
      answered = true;
    });
    const sendCallTo = (request: { method: string; path: string; body: unknown }) =>
      request.method === "POST" && request.path.endsWith(`/${ACCOUNT}/messages`) && (request.body as { recipient?: { id?: string } })?.recipient?.id === igsid;
    await waitFor(() => graph.requests().some(sendCallTo), "the Send API call");
    await deliverInstagram(instagramEcho({ recipientId: igsid, mid, text: "Until 7pm" }));
    // Proof of the order: the echo was fully processed while the reply request was still waiting on Meta.
    expect(answered).toBe(false);
    const beforeAnswer = (await messagesPage(conversationId)).messages.filter((message) => message.direction === "OUTBOUND");
    expect(beforeAnswer).toMatchObject([{ text: "Until 7pm", status: "SENT", externalId: mid }]);

    const sent = await sending;
    expect(sent.status).toBe(201);
    expect(sent.body.message).toMatchObject({ id: beforeAnswer[0].id, externalId: mid, status: "SENT" });
    const afterAnswer = (await messagesPage(conversationId)).messages.filter((message) => message.direction === "OUTBOUND");
    expect(afterAnswer).toMatchObject([{ id: beforeAnswer[0].id, text: "Until 7pm", status: "SENT", externalId: mid }]);
  });
});
