// Two instances of the built app behind one PostgreSQL database, as a team would run them behind a
// load balancer: live updates cross instances (LISTEN/NOTIFY), redeliveries split across both
// store one message, and each outgoing webhook event is sent by one instance only.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDbClient } from "@/lib/db-client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_INSTAGRAM_ACCOUNT_ID, igsidFor, instagramText, newInstagramMid, postWebhook } from "../../scripts/meta-sim/payloads";
import { startFakeGraph, type FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import { SUBSCRIPTIONS_TTL_MS } from "@/lib/outbound-webhooks/subscriptions";
import { callApi } from "../helpers/api";
import { startApp, TEST_ADMIN, type RunningApp } from "../helpers/app";
import { createTestDatabase, describeWithPostgres, type TestDatabase } from "../helpers/postgres";
import { openPresence } from "../helpers/presence";
import { createUser, signIn } from "../helpers/session";
import { startWebhookReceiver } from "../helpers/webhook-receiver";

const APP_SECRET = "instagram-app-secret-for-tests";

interface EventStream {
  events: unknown[];
  close(): void;
}

/** Opens the inbox's SSE stream and collects the JSON of every `data:` line. */
async function openEventStream(appUrl: string, cookie: string): Promise<EventStream> {
  const controller = new AbortController();
  const res = await fetch(`${appUrl}/api/inbox/events`, {
    headers: { cookie, accept: "text/event-stream" },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const events: unknown[] = [];
  const read = async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const data = buffer
          .slice(0, end)
          .split("\n")
          .filter((line) => line.startsWith("data:"))
          .map((line) => line.slice(5).trim())
          .join("\n");
        buffer = buffer.slice(end + 2);
        if (data) events.push(JSON.parse(data));
      }
    }
  };
  read().catch(() => {}); // ends with an AbortError on close()
  return { events, close: () => controller.abort() };
}

async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeWithPostgres("two app instances on one PostgreSQL database", () => {
  let graph: FakeGraph;
  let database: TestDatabase;
  let a: RunningApp;
  let b: RunningApp;
  let db: PrismaClient;

  beforeAll(async () => {
    graph = await startFakeGraph({ port: 0 });
    database = await createTestDatabase();
    // What every instance of a real deployment shares: the database and the two secrets.
    const env = {
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      APP_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      META_GRAPH_API_URL: graph.url,
      INSTAGRAM_APP_SECRET: APP_SECRET,
      INSTAGRAM_VERIFY_TOKEN: "instagram-verify-token",
      INSTAGRAM_PAGE_ID: DEMO_INSTAGRAM_ACCOUNT_ID,
      INSTAGRAM_ACCESS_TOKEN: "instagram-access-token",
      WEBHOOKS_ALLOW_PRIVATE_URLS: "true",
    };
    // Started together: both run the migrator at once, and the advisory lock must serialise them.
    [a, b] = await Promise.all([startApp({ env }), startApp({ env })]);
    db = createDbClient(database.url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
    await graph?.close();
  });

  /** Posts each delivery to A or B in turn, all at once, and waits until every logged event is handled. */
  async function deliverAcrossInstances(payloads: unknown[]) {
    const responses = await Promise.all(
      payloads.map((payload, index) => postWebhook({ appUrl: [a, b][index % 2].url, channel: "instagram", payload, appSecret: APP_SECRET })),
    );
    expect(responses.map((res) => res.status)).toEqual(payloads.map(() => 200));
    await waitFor(
      async () => (await db.externalEventLog.count({ where: { status: "RECEIVED" } })) === 0,
      "every delivery processed",
    );
  }

  it("applied the migrations once although both instances started together", async () => {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM "_app_migrations"`);
    expect(new Set(rows.map((row) => row.name)).size).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(0);
  });

  it("accepts a session from one instance on the other", async () => {
    const cookie = await signIn(a.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const res = await fetch(`${b.url}/api/inbox/conversations`, { headers: { cookie } });
    expect(res.status).toBe(200);
  });

  it("shows a webhook received by instance A live in an SSE stream of instance B", async () => {
    const cookie = await signIn(b.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const stream = await openEventStream(b.url, cookie);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // B's listener is up well before this
      const mid = newInstagramMid();
      const res = await postWebhook({
        appUrl: a.url,
        channel: "instagram",
        payload: instagramText({ senderId: igsidFor("live-across"), mid, text: "Seen on B?" }),
        appSecret: APP_SECRET,
      });
      expect(res.status).toBe(200);
      const message = await waitFor(() => db.message.findFirst({ where: { externalId: mid } }), "the message stored");
      const event = await waitFor(
        () => stream.events.find((candidate) => JSON.stringify(candidate).includes(message.id)),
        "message.created on B's stream",
      );
      expect(event).toMatchObject({ type: "message.created", conversationId: message.conversationId, messageId: message.id });
    } finally {
      stream.close();
    }
  });

  it("stores one message for 20 concurrent redeliveries split across both instances", async () => {
    const mid = newInstagramMid();
    const payload = instagramText({ senderId: igsidFor("redelivered"), mid, text: "Only once, please" });
    await deliverAcrossInstances(Array.from({ length: 20 }, () => payload));
    expect(await db.message.count({ where: { externalId: mid } })).toBe(1);
    expect(await db.contact.count({ where: { externalId: igsidFor("redelivered") } })).toBe(1);
    expect(await db.conversation.count({ where: { contact: { externalId: igsidFor("redelivered") } } })).toBe(1);
  });

  it("stores every one of 10 different first messages from a new contact arriving at once on both instances", async () => {
    const senderId = igsidFor("eager-new-customer");
    const mids = Array.from({ length: 10 }, () => newInstagramMid());
    await deliverAcrossInstances(mids.map((mid, index) => instagramText({ senderId, mid, text: `Question ${index + 1}` })));
    expect(await db.message.count({ where: { externalId: { in: mids } } })).toBe(10);
    expect(await db.contact.count({ where: { externalId: senderId } })).toBe(1);
  });

  it("sends each outgoing webhook event once although both instances run the job runner", async () => {
    const receiver = await startWebhookReceiver();
    try {
      const cookie = await signIn(a.url, TEST_ADMIN.email, TEST_ADMIN.password);
      const created = await callApi(a.url, cookie, "POST", "/api/settings/webhooks", { url: `${receiver.url}/ok`, events: ["message.received"] });
      expect(created.status).toBe(201);
      // B learns of the endpoint when its subscription cache expires.
      await new Promise((resolve) => setTimeout(resolve, SUBSCRIPTIONS_TTL_MS + 500));
      const senderId = igsidFor("webhook-subscriber-across");
      const mids = Array.from({ length: 20 }, () => newInstagramMid());
      await deliverAcrossInstances(mids.map((mid, index) => instagramText({ senderId, mid, text: `Hook ${index + 1}` })));
      const events = await db.webhookEvent.count({ where: { type: "message.received" } });
      expect(events).toBe(20);
      await waitFor(async () => (await db.webhookDelivery.count({ where: { status: "delivered" } })) === events, "every delivery delivered", 30_000);
      const ids = receiver.received.map((request) => request.headers["webhook-id"]);
      expect(new Set(ids).size).toBe(events);
      expect(ids).toHaveLength(events);
    } finally {
      await receiver.close();
    }
  });

  it("shows a teammate viewing and typing on the other instance, and their leaving at once", async () => {
    const senderId = igsidFor("presence-across");
    const agent = { name: "Ana Agent", email: "ana.across@example.com", password: "ana-password-123", role: "AGENT" as const };
    // The user CLI starts tsx, which takes a while on a loaded machine: meanwhile the customer writes.
    await Promise.all([createUser(a, agent), deliverAcrossInstances([instagramText({ senderId, text: "Who is answering me?" })])]);
    const { id } = await db.conversation.findFirstOrThrow({ where: { contact: { externalId: senderId } } });
    const [adminCookie, agentCookie] = await Promise.all([signIn(a.url, TEST_ADMIN.email, TEST_ADMIN.password), signIn(b.url, agent.email, agent.password)]);

    const agentOnB = await openPresence(b.url, agentCookie, id, "agent-tab-on-b");
    await waitFor(() => agentOnB.frames.length > 0, "the agent's first list");
    const adminOnA = await openPresence(a.url, adminCookie, id, "admin-tab-on-a");
    await waitFor(() => agentOnB.frames.at(-1)?.viewers[0]?.userName === TEST_ADMIN.name, "B's tab sees A's viewer");
    await waitFor(() => adminOnA.frames.at(-1)?.viewers[0]?.userName === agent.name, "A's tab sees B's viewer");

    // Typing reported to B about the tab whose stream lives on A: every instance hears it.
    const report = await callApi(b.url, adminCookie, "POST", `/api/inbox/conversations/${id}/presence`, { connectionId: "admin-tab-on-a", typing: true });
    expect(report.status).toBe(204);
    await waitFor(() => agentOnB.frames.at(-1)?.viewers[0]?.typing === true, "B's tab sees the admin typing");

    adminOnA.close();
    await waitFor(() => agentOnB.frames.at(-1)?.viewers.length === 0, "the admin's closed tab gone on B", 3_000);
    agentOnB.close();
  }, 90_000);
});
