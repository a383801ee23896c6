// Issue 18, waiting time kept at write time, over HTTP on SQLite and (TEST_DATABASE=postgres)
// PostgreSQL: a customer's message starts a wait, a reply from the inbox or an echo from Meta's apps
// ends it (response seconds, first response), a note does not; the SLA clock pauses outside business
// hours; the list's sort=waiting (cursor pages) and the Waiting / Window closing views.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { igsidFor, instagramEcho, instagramText, newInstagramMid, postWebhook } from "../../scripts/meta-sim/payloads";
import type { FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import { TEST_ADMIN, type RunningApp } from "../helpers/app";
import { eventProcessed } from "../helpers/database";
import { bothChannelsEnv, startPipeline, type Pipeline } from "../helpers/pipeline";

const ENV = bothChannelsEnv("speed-to-lead");
const MINUTE = 60_000;

let pipeline: Pipeline;
let graph: FakeGraph;
let app: RunningApp;
let db: PrismaClient;
let cookie: string;
let adminId: string;

beforeAll(async () => {
  pipeline = await startPipeline({ graphPort: 0, env: ENV });
  ({ graph, app, db, cookie } = pipeline);
  adminId = (await db.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email }, select: { id: true } })).id;
});

afterAll(() => pipeline?.stop());

beforeEach(async () => {
  graph.reset();
  await saveSettings({ slaTargetMinutes: 15, slaBusinessHours: null, slaReassign: false, autoAssign: false });
});

function call(method: string, path: string, body?: unknown) {
  return fetch(`${app.url}${path}`, {
    method,
    headers: { cookie, origin: app.url, "sec-fetch-site": "same-origin", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function saveSettings(body: unknown) {
  const res = await call("PUT", "/api/settings/speed-to-lead", body);
  expect(res.status).toBe(200);
  return res.json();
}

async function deliver(payload: unknown) {
  const res = await postWebhook({ appUrl: app.url, channel: "instagram", payload, appSecret: ENV.INSTAGRAM_APP_SECRET });
  expect((await eventProcessed(db, (await res.json()).eventId)).status).toBe("PROCESSED");
}

/** A customer writes `minutesAgo` minutes ago; answers their conversation's id. */
async function customerWrites(name: string, minutesAgo: number, text = `hello from ${name}`): Promise<string> {
  await deliver(instagramText({ senderId: igsidFor(name), text, timestamp: Date.now() - minutesAgo * MINUTE }));
  return (await db.conversation.findFirstOrThrow({ where: { contact: { externalId: igsidFor(name) } }, select: { id: true } })).id;
}

const waitOf = (id: string) =>
  db.conversation.findUniqueOrThrow({
    where: { id },
    select: { waitingSince: true, firstInboundAt: true, firstResponseAt: true, firstResponseSeconds: true, firstResponseById: true, slaNotifiedAt: true },
  });

async function reply(id: string, text: string) {
  const res = await call("POST", `/api/inbox/conversations/${id}/reply`, { text });
  expect(res.status).toBe(201);
  return db.message.findFirstOrThrow({ where: { conversationId: id, direction: "OUTBOUND", text }, select: { responseSeconds: true, sentById: true } });
}

async function list(query: string): Promise<{ conversations: Array<{ id: string; waitingSince: string | null; firstResponseAt: string | null }>; nextCursor: string | null }> {
  const res = await call("GET", `/api/inbox/conversations?${query}`);
  expect(res.status).toBe(200);
  return res.json();
}

describe("waiting time through inbound, reply and echo", () => {
  it("the oldest unanswered message starts the wait; a reply closes it with its response time and the first response", async () => {
    const started = Date.now();
    const id = await customerWrites("wait.ana", 10);
    await customerWrites("wait.ana", 4, "are you there?");
    const waiting = await waitOf(id);
    expect(Math.abs(waiting.waitingSince!.getTime() - (started - 10 * MINUTE))).toBeLessThan(5_000);
    expect(waiting.firstInboundAt).toEqual(waiting.waitingSince);
    expect(waiting.firstResponseAt).toBeNull();

    const { conversations } = await list("filter=waiting&limit=100");
    expect(conversations.find((conversation) => conversation.id === id)).toMatchObject({ waitingSince: waiting.waitingSince!.toISOString(), firstResponseAt: null });

    const first = await reply(id, "Hi Ana, yes it is!");
    expect(first.responseSeconds).toBeGreaterThanOrEqual(600);
    expect(first.responseSeconds).toBeLessThan(660);
    const answered = await waitOf(id);
    expect(answered).toMatchObject({ waitingSince: null, firstResponseById: adminId, slaNotifiedAt: null });
    expect(answered.firstResponseSeconds).toBe(first.responseSeconds);

    // A second wait: its reply has its own response time; the first response stays as it was.
    await customerWrites("wait.ana", 2, "and the price?");
    expect((await waitOf(id)).waitingSince).not.toBeNull();
    const second = await reply(id, "It's 300 €");
    expect(second.responseSeconds).toBeGreaterThanOrEqual(115);
    expect(second.responseSeconds).toBeLessThan(180);
    expect(await waitOf(id)).toMatchObject({ waitingSince: null, firstResponseAt: answered.firstResponseAt, firstResponseSeconds: answered.firstResponseSeconds });
    // A reply while nobody waits closes nothing.
    expect((await reply(id, "Anything else?")).responseSeconds).toBeNull();
  });

  it("an echo of a message written in Meta's app answers too, with no known responder; a note does not", async () => {
    const id = await customerWrites("wait.echo", 5);
    const note = await call("PATCH", `/api/inbox/conversations/${id}`, { note: "Call her back after lunch" });
    expect(note.status).toBe(200);
    expect((await waitOf(id)).waitingSince).not.toBeNull();

    const mid = newInstagramMid();
    await deliver(instagramEcho({ recipientId: igsidFor("wait.echo"), mid, text: "Answered from the phone" }));
    const echo = await db.message.findFirstOrThrow({ where: { externalId: mid }, select: { responseSeconds: true } });
    expect(echo.responseSeconds).toBeGreaterThanOrEqual(295);
    expect(await waitOf(id)).toMatchObject({ waitingSince: null, firstResponseById: null });
    expect((await waitOf(id)).firstResponseAt).not.toBeNull();
  });

  it("the SLA clock pauses outside business hours", async () => {
    // Open only on a weekday three days from today (UTC): the whole wait falls outside business hours.
    const closedDay = (new Date().getUTCDay() + 3) % 7;
    const saved = await saveSettings({
      slaTargetMinutes: 30,
      slaBusinessHours: { timeZone: "UTC", schedule: [{ day: closedDay, start: "09:00", end: "17:00" }] },
      slaReassign: true,
      autoAssign: false,
    });
    expect(saved.speedToLead).toMatchObject({ targetMinutes: 30, reassign: true, hours: { timeZone: "UTC" } });
    const id = await customerWrites("wait.night", 45);
    const answer = await reply(id, "Good morning!");
    expect(answer.responseSeconds).toBe(0);
    expect(await waitOf(id)).toMatchObject({ waitingSince: null, firstResponseSeconds: 0 });

    // Round the clock again: the same wait counts in full.
    await saveSettings({ slaTargetMinutes: 30, slaBusinessHours: null, slaReassign: false, autoAssign: false });
    const other = await customerWrites("wait.day", 45);
    expect((await reply(other, "Hello!")).responseSeconds).toBeGreaterThanOrEqual(45 * 60);
  });

  it("settings are validated (422) and the GET shows what is saved", async () => {
    const bad = await call("PUT", "/api/settings/speed-to-lead", { slaTargetMinutes: 0, slaBusinessHours: { timeZone: "Mars/Olympus", schedule: [] }, slaReassign: false, autoAssign: false });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.code).toBeTruthy();
    const res = await call("GET", "/api/settings/speed-to-lead");
    expect(await res.json()).toMatchObject({ speedToLead: { targetMinutes: 15, hours: null, reassign: false, autoAssign: false } });
  });
});

describe("the list: sort=waiting and the Waiting / Window closing views", () => {
  it("lists waiting conversations longest wait first, cursor pages walking all of them once", async () => {
    const ids = [await customerWrites("sort.c", 30), await customerWrites("sort.a", 90), await customerWrites("sort.b", 60)];
    const answered = await customerWrites("sort.done", 120);
    await reply(answered, "done");

    const seen: Array<{ id: string; waitingSince: string | null }> = [];
    let cursor: string | null = null;
    do {
      const page = await list(`sort=waiting&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.conversations);
      cursor = page.nextCursor;
    } while (cursor);
    const order = seen.map((conversation) => conversation.id);
    expect(new Set(order).size).toBe(order.length);
    expect(order).not.toContain(answered);
    expect(order.filter((id) => ids.includes(id))).toEqual([ids[1], ids[2], ids[0]]);
    const times = seen.map((conversation) => Date.parse(conversation.waitingSince!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("Window closing lists conversations whose 24-hour window ends within two hours", async () => {
    const closing = await customerWrites("window.closing", 23 * 60);
    const fresh = await customerWrites("window.fresh", 1);
    const closed = await customerWrites("window.closed", 25 * 60);
    const ids = (await list("filter=window-closing&limit=100")).conversations.map((conversation) => conversation.id);
    expect(ids).toContain(closing);
    expect(ids).not.toContain(fresh);
    expect(ids).not.toContain(closed);
  });

  it("the Waiting view leaves answered conversations out", async () => {
    const waiting = await customerWrites("view.waiting", 3);
    const answered = await customerWrites("view.answered", 3);
    await reply(answered, "on it");
    const ids = (await list("filter=waiting&limit=100")).conversations.map((conversation) => conversation.id);
    expect(ids).toContain(waiting);
    expect(ids).not.toContain(answered);
  });
});
