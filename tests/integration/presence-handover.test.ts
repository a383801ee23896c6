// Issue 15's shared-conversation features against the built app and the fake Graph API: chatbot
// handover on Instagram (standby deliveries, messaging_handovers, take / request / pass and Meta's
// refusals), what the customer sees of us (mark seen, typing) on Instagram and WhatsApp, and
// collision detection (who is viewing or typing, over the presence stream, with visibility).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  DEMO_INSTAGRAM_ACCOUNT_ID,
  DEMO_PHONE_NUMBER_ID,
  igsidFor,
  instagramText,
  newInstagramMid,
  postWebhook,
  waIdFor,
  whatsappText,
} from "../../scripts/meta-sim/payloads";
import type { FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import type { RunningApp } from "../helpers/app";
import { callApi } from "../helpers/api";
import { eventProcessed, waitFor } from "../helpers/database";
import { bothChannelsEnv, startPipeline, type Pipeline } from "../helpers/pipeline";
import { openPresence, type PresenceStream } from "../helpers/presence";
import { createUser, signIn } from "../helpers/session";

const ENV = bothChannelsEnv("presence");
const ACCOUNT = DEMO_INSTAGRAM_ACCOUNT_ID;
const CHATBOT_APP = "263902037430900";
const AGENT = { name: "Ana Agent", email: "ana.agent@example.com", password: "ana-password-123", role: "AGENT" as const };

let pipeline: Pipeline;
let graph: FakeGraph;
let app: RunningApp;
let db: PrismaClient;
let cookie: string;
let agentCookie: string;

beforeAll(async () => {
  pipeline = await startPipeline({ graphPort: 0, env: ENV });
  ({ graph, app, db, cookie } = pipeline);
  await createUser(app, AGENT);
  agentCookie = await signIn(app.url, AGENT.email, AGENT.password);
});

afterAll(() => pipeline?.stop());

beforeEach(() => graph.reset());

async function deliver(channel: "instagram" | "whatsapp", payload: unknown) {
  const appSecret = channel === "instagram" ? ENV.INSTAGRAM_APP_SECRET : ENV.WHATSAPP_APP_SECRET;
  const res = await postWebhook({ appUrl: app.url, channel, payload, appSecret });
  expect(res.status).toBe(200);
  expect((await eventProcessed(db, (await res.json()).eventId)).status).toBe("PROCESSED");
}

/** What Meta sends on `entry[].standby[]` while another app holds the thread. */
function standbyText(igsid: string, text: string, timestamp = Date.now()) {
  return {
    object: "instagram",
    entry: [{ id: ACCOUNT, time: timestamp, standby: [{ sender: { id: igsid }, recipient: { id: ACCOUNT }, timestamp, message: { mid: newInstagramMid(), text } }] }],
  };
}

/** A `messaging_handovers` notification: passed to us, or taken from us by the chatbot. */
function handover(igsid: string, kind: "pass_thread_control" | "take_thread_control") {
  const [previous, next] = kind === "pass_thread_control" ? [CHATBOT_APP, "our-app"] : ["our-app", CHATBOT_APP];
  const timestamp = Date.now();
  return {
    object: "instagram",
    entry: [{ id: ACCOUNT, time: timestamp, messaging: [{ sender: { id: igsid }, recipient: { id: ACCOUNT }, timestamp, [kind]: { previous_owner_app_id: previous, new_owner_app_id: next } }] }],
  };
}

const conversationOf = (externalId: string) => db.conversation.findFirstOrThrow({ where: { contact: { externalId } } });
const handoverCall = (conversationId: string, action: string, as = cookie) =>
  callApi(app.url, as, "POST", `/api/inbox/conversations/${conversationId}/handover`, { action });
const graphCalls = (pathEnd: string) => graph.requests().filter((request) => request.method === "POST" && request.path.endsWith(pathEnd));

describe("handover protocol on Instagram", () => {
  it("stores standby messages, shows who holds the thread, and refuses replies until we take it", async () => {
    const igsid = igsidFor("handover.lena");
    await deliver("instagram", standbyText(igsid, "Can a person help with my order?"));
    const conversation = await conversationOf(igsid);
    expect(conversation).toMatchObject({ unreadCount: 1, lastInboundAt: null });
    expect(conversation.threadHeldSince).not.toBeNull();
    expect(conversation.standbyInboundAt).not.toBeNull();
    const messages = await db.message.findMany({ where: { conversationId: conversation.id } });
    expect(messages).toMatchObject([{ direction: "INBOUND", text: "Can a person help with my order?" }]);

    const detail = await callApi(app.url, cookie, "GET", `/api/inbox/conversations/${conversation.id}`);
    expect(detail.body.conversation).toMatchObject({ threadControl: true, threadRequestedAt: null, windowClosesAt: null });
    expect(detail.body.conversation.threadHeldSince).toBeTruthy();

    const refused = await callApi(app.url, cookie, "POST", `/api/inbox/conversations/${conversation.id}/reply`, { text: "Hi!" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("THREAD_HELD_BY_OTHER_APP");
    // Opening it tells the customer nothing: they are talking to the chatbot.
    expect((await callApi(app.url, cookie, "POST", `/api/inbox/conversations/${conversation.id}/read`)).status).toBe(200);

    const taken = await handoverCall(conversation.id, "take");
    expect(taken.status).toBe(200);
    expect(taken.body).toEqual({ threadHeldSince: null, threadRequestedAt: null });
    const [take] = graphCalls(`/${ACCOUNT}/take_thread_control`);
    expect(take.body).toEqual({ recipient: { id: igsid }, metadata: "Taken over by Ada Admin in the team inbox" });
    // The standby message now opens our window, so the reply goes out.
    expect((await conversationOf(igsid)).lastInboundAt?.getTime()).toBe(conversation.standbyInboundAt?.getTime());
    const sent = await callApi(app.url, cookie, "POST", `/api/inbox/conversations/${conversation.id}/reply`, { text: "Sure, I'm here." });
    expect(sent.status).toBe(201);
    expect(graphCalls(`/${ACCOUNT}/messages`).filter((request) => (request.body as { sender_action?: string }).sender_action === "mark_seen")).toEqual([]);

    const passed = await handoverCall(conversation.id, "pass");
    expect(passed.status).toBe(200);
    expect(passed.body.threadHeldSince).toBeTruthy();
    expect(graphCalls(`/${ACCOUNT}/pass_thread_control`)[0].body).toMatchObject({ recipient: { id: igsid } });
  });

  it("maps Meta's refusal to take the thread, and changes nothing", async () => {
    const igsid = igsidFor("handover.joao");
    await deliver("instagram", standbyText(igsid, "Hello?"));
    const { id } = await conversationOf(igsid);
    graph.program({ match: { pathIncludes: "take_thread_control" }, times: 1, respond: { error: "thread-control-denied" } });
    const refused = await handoverCall(id, "take");
    expect(refused.status).toBe(502);
    expect(refused.body.error.code).toBe("THREAD_CONTROL_DENIED");
    expect(refused.body.error.message).toContain("Only the primary receiver can take thread control");
    expect((await conversationOf(igsid)).threadHeldSince).not.toBeNull();
    // A malformed action is the client's mistake.
    expect((await handoverCall(id, "steal")).status).toBe(422);
  });

  it("asks the chatbot for the thread, and holds it once Meta says it was passed to us", async () => {
    const igsid = igsidFor("handover.sofia");
    await deliver("instagram", standbyText(igsid, "Is anyone there?"));
    const { id } = await conversationOf(igsid);
    const requested = await handoverCall(id, "request");
    expect(requested.status).toBe(200);
    expect(requested.body.threadRequestedAt).toBeTruthy();
    expect(graphCalls(`/${ACCOUNT}/request_thread_control`)[0].body).toMatchObject({ recipient: { id: igsid } });

    await deliver("instagram", handover(igsid, "pass_thread_control"));
    const passedToUs = await conversationOf(igsid);
    expect(passedToUs).toMatchObject({ threadHeldSince: null, threadRequestedAt: null, threadHolderAppId: CHATBOT_APP });
    expect(passedToUs.lastInboundAt).not.toBeNull();

    // The chatbot takes it back; our hand-back later targets it by its app id.
    await deliver("instagram", handover(igsid, "take_thread_control"));
    expect((await conversationOf(igsid)).threadHeldSince).not.toBeNull();
    await handoverCall(id, "take");
    await handoverCall(id, "pass");
    expect(graphCalls(`/${ACCOUNT}/pass_thread_control`)[0].body).toMatchObject({ recipient: { id: igsid }, target_app_id: CHATBOT_APP });
  });

  it("is not offered where the channel has no handover (WhatsApp)", async () => {
    const waId = waIdFor("handover.pedro");
    await deliver("whatsapp", whatsappText({ from: waId, text: "Olá" }));
    const { id } = await conversationOf(waId);
    expect((await handoverCall(id, "take")).status).toBe(422);
  });
});

describe("what the customer sees of us", () => {
  const senderActions = () =>
    graphCalls(`/${ACCOUNT}/messages`)
      .map((request) => (request.body as { sender_action?: string }).sender_action)
      .filter(Boolean);
  const whatsappReads = () => graphCalls(`/${DEMO_PHONE_NUMBER_ID}/messages`).map((request) => request.body as Record<string, unknown>);

  it("marks an Instagram conversation seen once per batch of unread messages", async () => {
    const igsid = igsidFor("seen.rui");
    await deliver("instagram", instagramText({ senderId: igsid, text: "One" }));
    const { id } = await conversationOf(igsid);
    await Promise.all([1, 2, 3].map(() => callApi(app.url, cookie, "POST", `/api/inbox/conversations/${id}/read`)));
    await waitFor(() => senderActions().length > 0, "mark_seen");
    expect(graphCalls(`/${ACCOUNT}/messages`).map((request) => request.body)).toEqual([{ recipient: { id: igsid }, sender_action: "mark_seen" }]);
    await callApi(app.url, cookie, "POST", `/api/inbox/conversations/${id}/read`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(senderActions()).toEqual(["mark_seen"]);
  });

  it("shows and stops the Instagram typing indicator, at most one typing_on per 10 s", async () => {
    const igsid = igsidFor("typing.lena");
    await deliver("instagram", instagramText({ senderId: igsid, text: "Hi" }));
    const { id } = await conversationOf(igsid);
    const typing = (value: boolean, connectionId = "tab-typing-1") =>
      callApi(app.url, cookie, "POST", `/api/inbox/conversations/${id}/presence`, { connectionId, typing: value });
    expect((await typing(true)).status).toBe(204);
    await waitFor(() => senderActions().includes("typing_on"), "typing_on");
    await typing(true);
    await typing(true, "tab-typing-2");
    await typing(false);
    await typing(false, "tab-typing-2");
    await waitFor(() => senderActions().includes("typing_off"), "typing_off");
    expect(senderActions()).toEqual(["typing_on", "typing_off"]);

    // Typing then sending: Meta hides the indicator with the message, so no typing_off follows.
    graph.reset();
    await typing(true);
    await waitFor(() => senderActions().includes("typing_on"), "typing_on again");
    expect((await callApi(app.url, cookie, "POST", `/api/inbox/conversations/${id}/reply`, { text: "Here you go" })).status).toBe(201);
    await typing(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(senderActions()).toEqual(["typing_on"]);
  });

  it("marks the latest WhatsApp message read, and types on the read receipt", async () => {
    const waId = waIdFor("seen.maria");
    const first = whatsappText({ from: waId, text: "First" });
    const second = whatsappText({ from: waId, text: "Second" });
    await deliver("whatsapp", first);
    await deliver("whatsapp", second);
    const latestWamid = second.entry[0].changes[0].value.messages![0].id;
    const { id } = await conversationOf(waId);
    await callApi(app.url, cookie, "POST", `/api/inbox/conversations/${id}/read`);
    await waitFor(() => whatsappReads().length > 0, "WhatsApp read receipt");
    expect(whatsappReads()).toEqual([{ messaging_product: "whatsapp", status: "read", message_id: latestWamid }]);

    graph.reset();
    await callApi(app.url, cookie, "POST", `/api/inbox/conversations/${id}/presence`, { connectionId: "tab-wa-typing", typing: true });
    await waitFor(() => whatsappReads().length > 0, "WhatsApp typing indicator");
    expect(whatsappReads()).toEqual([{ messaging_product: "whatsapp", status: "read", message_id: latestWamid, typing_indicator: { type: "text" } }]);
  });

  it("sends neither when an admin turned 'Seen and typing' off, and never fails the read on Meta's error", async () => {
    graph.program({ match: { pathIncludes: `/${ACCOUNT}/messages` }, respond: { error: "server-error" } });
    const igsid = igsidFor("seen.erro");
    await deliver("instagram", instagramText({ senderId: igsid, text: "Hi" }));
    const failing = await conversationOf(igsid);
    expect((await callApi(app.url, cookie, "POST", `/api/inbox/conversations/${failing.id}/read`)).body).toEqual({ unreadCount: 0 });
    await waitFor(() => app.logs().includes(`mark seen failed for conversation ${failing.id}`), "the failure logged");
    graph.reset();

    await db.integration.create({ data: { name: "whatsapp", config: { customerSignals: false } } });
    const waId = waIdFor("seen.quiet");
    await deliver("whatsapp", whatsappText({ from: waId, text: "Hi" }));
    const { id } = await conversationOf(waId);
    // Credentials are cached for up to 5 s per instance.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    await callApi(app.url, cookie, "POST", `/api/inbox/conversations/${id}/read`);
    await callApi(app.url, cookie, "POST", `/api/inbox/conversations/${id}/presence`, { connectionId: "tab-quiet", typing: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(whatsappReads()).toEqual([]);
    await db.integration.delete({ where: { name: "whatsapp" } });
  });
});

const latest = (stream: PresenceStream) => stream.frames.at(-1)?.viewers;

describe("collision detection", () => {
  it("shows who else is viewing and typing, and drops a closed tab at once", async () => {
    const igsid = igsidFor("presence.ana");
    await deliver("instagram", instagramText({ senderId: igsid, text: "Anyone?" }));
    const { id } = await conversationOf(igsid);
    const agent = await openPresence(app.url, agentCookie, id, "agent-tab-0001");
    expect(agent.status).toBe(200);
    await waitFor(() => latest(agent)?.length === 0, "the agent's first (empty) list");

    const admin = await openPresence(app.url, cookie, id, "admin-tab-0001");
    await waitFor(() => latest(agent)?.[0]?.userName === "Ada Admin", "the agent sees the admin viewing");
    await waitFor(() => latest(admin)?.[0]?.userName === "Ana Agent", "the admin sees the agent already there");
    expect(latest(agent)).toEqual([expect.objectContaining({ userName: "Ada Admin", typing: false })]);

    await callApi(app.url, cookie, "POST", `/api/inbox/conversations/${id}/presence`, { connectionId: "admin-tab-0001", typing: true });
    await waitFor(() => latest(agent)?.[0]?.typing === true, "the agent sees the admin typing");
    await callApi(app.url, cookie, "POST", `/api/inbox/conversations/${id}/presence`, { connectionId: "admin-tab-0001", typing: false });
    await waitFor(() => latest(agent)?.[0]?.typing === false, "typing stops");

    admin.close();
    await waitFor(() => latest(agent)?.length === 0, "the admin's closed tab disappears", 3_000);
    agent.close();
  });

  it("respects visibility: an agent can't watch or report on another rep's conversation", async () => {
    const igsid = igsidFor("presence.hidden");
    await deliver("instagram", instagramText({ senderId: igsid, text: "Private" }));
    const { id } = await conversationOf(igsid);
    const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    await db.conversation.update({ where: { id }, data: { assigneeId: admin.id } });
    await db.teamSettings.upsert({ where: { id: "team" }, create: { id: "team", agentVisibility: "OWN_AND_UNASSIGNED" }, update: { agentVisibility: "OWN_AND_UNASSIGNED" } });
    try {
      await waitFor(async () => {
        const stream = await openPresence(app.url, agentCookie, id, "agent-tab-hidden");
        stream.close();
        return stream.status === 404;
      }, "visibility to apply", 8_000);
      const report = await callApi(app.url, agentCookie, "POST", `/api/inbox/conversations/${id}/presence`, { connectionId: "agent-tab-hidden", typing: true });
      expect(report.status).toBe(404);
      expect((await callApi(app.url, cookie, "POST", `/api/inbox/conversations/${id}/presence`, { connectionId: "bad id!", typing: true })).status).toBe(422);
    } finally {
      await db.teamSettings.update({ where: { id: "team" }, data: { agentVisibility: "ALL" } });
    }
  });
});
