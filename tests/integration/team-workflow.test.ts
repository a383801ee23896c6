// Team workflow in the thread, over HTTP against the built app and the fake Graph API: private notes
// never reach Meta and mention teammates; labels are managed, set and filtered; snoozed
// conversations wake by time and by the customer's next message across a restart; the away message
// keeps to the messaging window and to once per conversation per 12 hours.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_INSTAGRAM_ACCOUNT_ID, DEMO_PHONE_NUMBER_ID, igsidFor, instagramText, postWebhook, waIdFor, whatsappText } from "../../scripts/meta-sim/payloads";
import { startFakeGraph, type FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import { callApi } from "../helpers/api";
import { startApp, TEST_ADMIN, type RunningApp } from "../helpers/app";
import { eventProcessed, openDatabase, waitFor } from "../helpers/database";
import { createUser, signIn } from "../helpers/session";

const INSTAGRAM_SECRET = "instagram-secret-team-workflow";
const WHATSAPP_SECRET = "whatsapp-secret-team-workflow";
const AGENT = { name: "Bruno Sá", email: "bruno@example.com", password: "agent-password-1", role: "AGENT" as const };
const HOUR = 3_600_000;

const env = {
  INSTAGRAM_APP_SECRET: INSTAGRAM_SECRET,
  INSTAGRAM_VERIFY_TOKEN: "verify",
  INSTAGRAM_PAGE_ID: DEMO_INSTAGRAM_ACCOUNT_ID,
  INSTAGRAM_ACCESS_TOKEN: "instagram-token-team-workflow",
  WHATSAPP_APP_SECRET: WHATSAPP_SECRET,
  WHATSAPP_VERIFY_TOKEN: "verify",
  WHATSAPP_PHONE_NUMBER_ID: DEMO_PHONE_NUMBER_ID,
  WHATSAPP_BUSINESS_ACCOUNT_ID: "102290129340398",
  WHATSAPP_ACCESS_TOKEN: "whatsapp-token-team-workflow",
  SNOOZE_WAKE_INTERVAL_MS: "200",
};

let graph: FakeGraph;
let app: RunningApp;
/** The first instance, crashed by the restart test; stopped last, as it owns the database. */
let firstApp: RunningApp | undefined;
let db: PrismaClient;
let admin: string;
let agent: string;
let agentId: string;

beforeAll(async () => {
  graph = await startFakeGraph({ port: 0 });
  app = await startApp({ env: { ...env, META_GRAPH_API_URL: graph.url } });
  db = openDatabase(app);
  admin = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
  await createUser(app, AGENT);
  agent = await signIn(app.url, AGENT.email, AGENT.password);
  agentId = (await db.user.findUniqueOrThrow({ where: { email: AGENT.email }, select: { id: true } })).id;
});

afterAll(async () => {
  await db?.$disconnect();
  if (firstApp) await app?.stop();
  await (firstApp ?? app)?.stop();
  await graph?.close();
});

const api = (method: string, path: string, body?: unknown, cookie = admin) => callApi(app.url, cookie, method, path, body);

async function deliver(channel: "instagram" | "whatsapp", payload: unknown) {
  const res = await postWebhook({ appUrl: app.url, channel, payload, appSecret: channel === "instagram" ? INSTAGRAM_SECRET : WHATSAPP_SECRET });
  expect(res.status).toBe(200);
  const { eventId } = (await res.json()) as { eventId: string };
  expect((await eventProcessed(db, eventId)).status).toBe("PROCESSED");
}

async function conversationOf(externalId: string): Promise<string> {
  return (await db.conversation.findFirstOrThrow({ where: { contact: { externalId } }, select: { id: true } })).id;
}

async function instagramConversation(handle: string, text = "Hi, is the sofa still available?") {
  const igsid = igsidFor(handle);
  await deliver("instagram", instagramText({ senderId: igsid, text }));
  return { igsid, conversationId: await conversationOf(igsid) };
}

const sendsTo = (path: string) => graph.requests().filter((request) => request.method === "POST" && request.path.endsWith(path));

describe("private notes", () => {
  it("stores a note in the thread without sending it to Meta or touching the conversation", async () => {
    const { conversationId } = await instagramConversation("notes.sofia");
    const before = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    const requestsBefore = graph.requests().length;

    const res = await api("POST", `/api/inbox/conversations/${conversationId}/notes`, { text: "  She asked for the blue one, @bruno sá can you call her?  " });
    expect(res.status).toBe(201);
    expect(res.body.message).toMatchObject({ type: "NOTE", direction: "OUTBOUND", text: "She asked for the blue one, @bruno sá can you call her?", sentBy: { name: TEST_ADMIN.name } });
    expect(res.body.mentioned).toEqual([{ id: agentId, name: AGENT.name }]);

    // Not a single Graph API call: notes never leave the app.
    expect(graph.requests().slice(requestsBefore)).toEqual([]);
    expect(JSON.stringify(graph.requests())).not.toContain("She asked for the blue one");
    const after = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(after.lastMessagePreview).toBe(before.lastMessagePreview);
    expect(after.lastMessageAt).toEqual(before.lastMessageAt);
    expect(after.unreadCount).toBe(before.unreadCount);

    const thread = await api("GET", `/api/inbox/conversations/${conversationId}/messages`);
    expect(thread.body.messages.map((message: { type: string }) => message.type)).toEqual(["TEXT", "NOTE"]);
  });

  it("gives the mentioned teammate an unread mention, which only they can mark read", async () => {
    const { conversationId } = await instagramConversation("notes.marta");
    await api("POST", `/api/inbox/conversations/${conversationId}/notes`, { text: "@Bruno Sá she wants a discount" });

    const mine = await api("GET", "/api/inbox/mentions", undefined, agent);
    expect(mine.status).toBe(200);
    expect(mine.body.unread).toBe(2);
    const [newest] = mine.body.mentions;
    expect(newest).toMatchObject({ conversationId, excerpt: "@Bruno Sá she wants a discount", readAt: null, author: { name: TEST_ADMIN.name } });

    // The author is not mentioned by their own note; someone else's mention ids mark nothing.
    expect((await api("GET", "/api/inbox/mentions")).body.unread).toBe(0);
    expect((await api("POST", "/api/inbox/mentions/read", { ids: [newest.id] })).body).toEqual({ marked: 0 });

    expect((await api("POST", "/api/inbox/mentions/read", { ids: [newest.id] }, agent)).body).toEqual({ marked: 1 });
    expect((await api("GET", "/api/inbox/mentions", undefined, agent)).body.unread).toBe(1);
    expect((await api("POST", "/api/inbox/mentions/read", { all: true }, agent)).body).toEqual({ marked: 1 });
    expect((await api("GET", "/api/inbox/mentions", undefined, agent)).body.unread).toBe(0);
  });

  it("refuses bad notes with a clear 4xx and stores nothing", async () => {
    const { conversationId } = await instagramConversation("notes.refused");
    const notes = () => db.message.count({ where: { type: "NOTE", conversationId } });
    expect((await api("POST", `/api/inbox/conversations/${conversationId}/notes`, { text: "   " })).status).toBe(422);
    expect((await api("POST", `/api/inbox/conversations/${conversationId}/notes`, { text: "x".repeat(5001) })).status).toBe(422);
    expect((await api("POST", `/api/inbox/conversations/${conversationId}/notes`, { text: "hi", extra: 1 })).status).toBe(422);
    expect((await api("POST", `/api/inbox/conversations/${conversationId}/notes`, "{not json")).status).toBe(422);
    const missing = await api("POST", "/api/inbox/conversations/nope/notes", { text: "hi" });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
    expect((await api("POST", "/api/inbox/mentions/read", {}, agent)).status).toBe(422);
    expect(await notes()).toBe(0);
  });
});

describe("labels", () => {
  it("admins manage the catalogue; agents read it and get 403 for changes", async () => {
    expect((await api("POST", "/api/settings/labels", { name: "Agent's", color: "#123456" }, agent)).status).toBe(403);
    const created = await api("POST", "/api/settings/labels", { name: "VIP", color: "#FF0000" });
    expect(created.status).toBe(201);
    expect(created.body.label).toMatchObject({ name: "VIP", color: "#ff0000" });
    expect((await api("POST", "/api/settings/labels", { name: "VIP", color: "#00ff00" })).status).toBe(409);
    expect((await api("POST", "/api/settings/labels", { name: "Red", color: "red" })).status).toBe(422);
    expect((await api("POST", "/api/settings/labels", { name: "", color: "#00ff00" })).status).toBe(422);

    const renamed = await api("PATCH", `/api/settings/labels/${created.body.label.id}`, { name: "VIP customer" });
    expect(renamed.body.label).toMatchObject({ id: created.body.label.id, name: "VIP customer", color: "#ff0000" });
    expect((await api("PATCH", `/api/settings/labels/${created.body.label.id}`, { color: "#00ff00" }, agent)).status).toBe(403);
    expect((await api("PATCH", "/api/settings/labels/nope", { color: "#00ff00" })).status).toBe(404);
    expect((await api("GET", "/api/settings/labels", undefined, agent)).body.labels).toEqual([
      { id: created.body.label.id, name: "VIP customer", color: "#ff0000" },
    ]);
  });

  it("anyone sets labels on a conversation; the list shows them and filters by label=<id>", async () => {
    const hot = (await api("POST", "/api/settings/labels", { name: "Hot", color: "#f97316" })).body.label;
    const wholesale = (await api("POST", "/api/settings/labels", { name: "Wholesale", color: "#0ea5e9" })).body.label;
    const { conversationId: labelled } = await instagramConversation("labels.hot");
    await instagramConversation("labels.plain");

    const set = await api("PUT", `/api/inbox/conversations/${labelled}/labels`, { labelIds: [wholesale.id, hot.id] }, agent);
    expect(set.status).toBe(200);
    expect(set.body.conversation.labels).toEqual([hot, wholesale]);

    const filtered = await api("GET", `/api/inbox/conversations?label=${hot.id}`);
    expect(filtered.body.conversations.map((row: { id: string }) => row.id)).toEqual([labelled]);
    expect(filtered.body.conversations[0].labels).toEqual([hot, wholesale]);
    const all = await api("GET", "/api/inbox/conversations");
    expect(all.body.conversations.find((row: { id: string }) => row.id !== labelled).labels).toEqual([]);

    // An unknown label is refused whole: the conversation keeps what it had.
    const refused = await api("PUT", `/api/inbox/conversations/${labelled}/labels`, { labelIds: [hot.id, "nope"] });
    expect(refused.status).toBe(422);
    expect((await api("PUT", `/api/inbox/conversations/${labelled}/labels`, { labelIds: [hot.id, hot.id] })).status).toBe(422);
    expect((await api("GET", `/api/inbox/conversations/${labelled}`)).body.conversation.labels).toEqual([hot, wholesale]);

    // The leads pages filter by the labels of a lead's conversations, and the export lists them.
    const { leadId } = await db.conversation.findUniqueOrThrow({ where: { id: labelled }, select: { leadId: true } });
    const leads = await api("GET", `/api/leads?label=${hot.id}`);
    expect(leads.status).toBe(200);
    expect(leads.body.leads.map((lead: { id: string }) => lead.id)).toEqual([leadId]);
    expect(leads.body.leads[0].labels).toEqual([hot, wholesale]);
    const csv = await (await fetch(`${app.url}/api/leads/export?label=${hot.id}`, { headers: { cookie: admin } })).text();
    expect(csv.trimEnd().split("\r\n")).toHaveLength(2);
    expect(csv).toContain(`${leadId},`);
    expect(csv.trimEnd().endsWith(`"Hot, Wholesale"`)).toBe(true);

    expect((await api("PUT", `/api/inbox/conversations/${labelled}/labels`, { labelIds: [wholesale.id] })).body.conversation.labels).toEqual([wholesale]);
    expect((await api("DELETE", `/api/settings/labels/${wholesale.id}`)).status).toBe(204);
    expect((await api("GET", `/api/inbox/conversations/${labelled}`)).body.conversation.labels).toEqual([]);
    expect((await api("GET", `/api/inbox/conversations?label=${wholesale.id}`)).body.conversations).toEqual([]);
  });
});

describe("snooze", () => {
  const status = async (id: string) => (await api("GET", `/api/inbox/conversations/${id}`)).body.conversation;
  const listed = async (query: string) => (await api("GET", `/api/inbox/conversations${query}`)).body.conversations.map((row: { id: string }) => row.id);

  it("refuses a time in the past, a non-date, and snoozing with a status at once", async () => {
    const { conversationId } = await instagramConversation("snooze.refused");
    expect((await api("PATCH", `/api/inbox/conversations/${conversationId}`, { snoozedUntil: new Date(Date.now() - 60_000).toISOString() })).status).toBe(422);
    expect((await api("PATCH", `/api/inbox/conversations/${conversationId}`, { snoozedUntil: "tomorrow" })).status).toBe(422);
    const both = await api("PATCH", `/api/inbox/conversations/${conversationId}`, { snoozedUntil: new Date(Date.now() + HOUR).toISOString(), status: "OPEN" });
    expect(both.status).toBe(422);
    expect(await status(conversationId)).toMatchObject({ status: "OPEN", snoozedUntil: null });
  });

  it("leaves Open for Snoozed, and null wakes it at once", async () => {
    const { conversationId } = await instagramConversation("snooze.manual");
    const until = new Date(Date.now() + 24 * HOUR).toISOString();
    const snoozed = await api("PATCH", `/api/inbox/conversations/${conversationId}`, { snoozedUntil: until }, agent);
    expect(snoozed.status).toBe(200);
    expect(snoozed.body.conversation).toMatchObject({ status: "SNOOZED", snoozedUntil: until });
    expect(await listed("")).not.toContain(conversationId);
    expect(await listed("?status=SNOOZED")).toContain(conversationId);
    expect(await listed("?filter=snoozed")).toContain(conversationId);

    const woken = await api("PATCH", `/api/inbox/conversations/${conversationId}`, { snoozedUntil: null });
    expect(woken.body.conversation).toMatchObject({ status: "OPEN", snoozedUntil: null });
    expect(await listed("")).toContain(conversationId);
  });

  it("wakes by itself at the time and when the customer writes, across a restart", async () => {
    const byTime = await instagramConversation("snooze.by-time");
    const byMessage = await instagramConversation("snooze.by-message");
    // Far enough ahead that the restart below happens before it is due.
    await api("PATCH", `/api/inbox/conversations/${byTime.conversationId}`, { snoozedUntil: new Date(Date.now() + 2_000).toISOString() });
    await api("PATCH", `/api/inbox/conversations/${byMessage.conversationId}`, { snoozedUntil: new Date(Date.now() + 24 * HOUR).toISOString() });

    await app.crash();
    firstApp = app;
    app = await startApp({ dataDir: firstApp.dataDir, env: { ...env, META_GRAPH_API_URL: graph.url, DATABASE_URL: firstApp.databaseUrl } });
    admin = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);

    await deliver("instagram", instagramText({ senderId: byMessage.igsid, text: "Any news?" }));
    expect(await status(byMessage.conversationId)).toMatchObject({ status: "OPEN", snoozedUntil: null });

    await waitFor(async () => (await status(byTime.conversationId)).status === "OPEN", "the snoozed conversation to wake", 20_000);
    expect(await status(byTime.conversationId)).toMatchObject({ status: "OPEN", snoozedUntil: null });
    expect(await listed("")).toEqual(expect.arrayContaining([byTime.conversationId, byMessage.conversationId]));
  });
});

describe("away message", () => {
  const awayTexts = () => sendsTo("/messages").filter((request) => JSON.stringify(request.body).includes("We are closed"));
  const automaticIn = (conversationId: string) => db.message.count({ where: { conversationId, automatic: true } });
  // The away message goes out in the background after ingest. To show one was NOT sent, a marker
  // customer writes afterwards and gets theirs: work queued before it has run by then.
  let markers = 0;
  async function afterQueuedAwayMessages() {
    const from = waIdFor(`away.marker.${++markers}`);
    await deliver("whatsapp", whatsappText({ from, text: "marker" }));
    const conversationId = await conversationOf(from);
    await waitFor(async () => (await automaticIn(conversationId)) === 1 && (await db.message.count({ where: { conversationId, automatic: true, status: "SENT" } })) === 1, "the marker's away message");
  }

  beforeAll(async () => {
    // Closed all week: every message is outside business hours.
    const saved = await api("PUT", "/api/settings/away-messages/whatsapp", { enabled: true, text: "We are closed, back at 9:00.", timeZone: "Europe/Lisbon", schedule: [] });
    expect(saved.status).toBe(200);
  });

  it("validates its settings and is admin-only", async () => {
    expect((await api("PUT", "/api/settings/away-messages/whatsapp", { enabled: true, text: "x", timeZone: "Mars/Base", schedule: [] })).status).toBe(422);
    expect((await api("PUT", "/api/settings/away-messages/whatsapp", { enabled: true, text: "x", timeZone: "UTC", schedule: [{ day: 1, start: "18:00", end: "09:00" }] })).status).toBe(422);
    expect((await api("PUT", "/api/settings/away-messages/telegram", { enabled: true, text: "x", timeZone: "UTC", schedule: [] })).status).toBe(404);
    expect((await api("GET", "/api/settings/away-messages", undefined, agent)).status).toBe(403);
    const listedSettings = (await api("GET", "/api/settings/away-messages")).body.awayMessages;
    expect(listedSettings.find((entry: { channel: string }) => entry.channel === "whatsapp")).toMatchObject({ enabled: true, timeZone: "Europe/Lisbon", schedule: [] });
    expect(listedSettings.find((entry: { channel: string }) => entry.channel === "instagram")).toMatchObject({ enabled: false });
  });

  it("answers outside business hours once per conversation per 12 hours, marked automatic", async () => {
    const from = waIdFor("away.customer");
    const sentBefore = awayTexts().length;
    await deliver("whatsapp", whatsappText({ from, text: "Hello, are you open?" }));
    const conversationId = await conversationOf(from);
    await waitFor(async () => (await db.message.count({ where: { conversationId, automatic: true, status: "SENT" } })) === 1, "the away message");
    expect(awayTexts().length).toBe(sentBefore + 1);
    const thread = (await api("GET", `/api/inbox/conversations/${conversationId}/messages`)).body.messages;
    expect(thread.at(-1)).toMatchObject({ automatic: true, direction: "OUTBOUND", text: "We are closed, back at 9:00.", sentBy: null });

    await deliver("whatsapp", whatsappText({ from, text: "Hello??" }));
    await afterQueuedAwayMessages();
    expect(await automaticIn(conversationId)).toBe(1);

    // Twelve hours later it may answer again.
    await db.conversation.update({ where: { id: conversationId }, data: { awayMessageSentAt: new Date(Date.now() - 12 * HOUR - 60_000) } });
    await deliver("whatsapp", whatsappText({ from, text: "Still there?" }));
    await waitFor(async () => (await automaticIn(conversationId)) === 2, "the second away message");
  });

  it("stays silent outside Meta's messaging window, inside business hours, and on a channel without one", async () => {
    const late = waIdFor("away.late");
    await deliver("whatsapp", whatsappText({ from: late, text: "Sent yesterday, delivered late", timestamp: Date.now() - 25 * HOUR }));
    const instagram = await instagramConversation("away.instagram");
    await afterQueuedAwayMessages();
    expect(await automaticIn(await conversationOf(late))).toBe(0);
    expect(await automaticIn(instagram.conversationId)).toBe(0);

    const allWeek = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: "00:00", end: "24:00" }));
    await api("PUT", "/api/settings/away-messages/whatsapp", { enabled: true, text: "We are closed, back at 9:00.", timeZone: "UTC", schedule: allWeek });
    const open = waIdFor("away.open-hours");
    await deliver("whatsapp", whatsappText({ from: open, text: "Hi during the day" }));
    await api("PUT", "/api/settings/away-messages/whatsapp", { enabled: true, text: "We are closed, back at 9:00.", timeZone: "UTC", schedule: [] });
    await afterQueuedAwayMessages();
    expect(await automaticIn(await conversationOf(open))).toBe(0);
  });
});
