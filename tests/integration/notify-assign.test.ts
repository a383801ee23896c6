// Notifications, auto-assignment and the SLA-breach job against the built app: preferences API,
// the notification texts the browser asks for, round-robin under concurrent new conversations
// (on PostgreSQL across two app instances sharing the database), away and inactive agents
// skipped, never assigned twice, and the SLA job's notify / escalate / reassign, each once.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbClient } from "@/lib/db-client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_INSTAGRAM_ACCOUNT_ID, igsidFor, instagramText, newInstagramMid, postWebhook } from "../../scripts/meta-sim/payloads";
import { startFakeGraph, type FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import { callApi } from "../helpers/api";
import { startApp, TEST_ADMIN, TEST_DATABASE, type RunningApp } from "../helpers/app";
import { signIn } from "../helpers/session";
import { waitUntil } from "../helpers/wait-until";

const APP_SECRET = "instagram-app-secret-for-tests";
const password = "agent-password-123";
const agent = (name: string) => ({ name, email: `${name.toLowerCase()}@example.com`, password, role: "AGENT" as const });
const ANA = agent("Ana");
const BRUNO = agent("Bruno");
const CARLA = agent("Carla");
/** Marks herself away: skipped. */
const DORA = agent("Dora");
/** Never signs in: not active, skipped. */
const EVA = agent("Eva");

describe("notifications, auto-assignment and the SLA job", () => {
  let graph: FakeGraph;
  let app: RunningApp;
  /** A second instance on the same PostgreSQL database; on SQLite (one instance by design) the same app. */
  let other: RunningApp;
  let db: PrismaClient;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    graph = await startFakeGraph({ port: 0 });
    const env = {
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      APP_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      META_GRAPH_API_URL: graph.url,
      INSTAGRAM_APP_SECRET: APP_SECRET,
      INSTAGRAM_VERIFY_TOKEN: "instagram-verify-token",
      INSTAGRAM_PAGE_ID: DEMO_INSTAGRAM_ACCOUNT_ID,
      INSTAGRAM_ACCESS_TOKEN: "instagram-access-token",
      SLA_CHECK_INTERVAL_MS: "200",
      JOBS_POLL_INTERVAL_MS: "100",
    };
    app = await startApp({ env });
    other = TEST_DATABASE === "postgres" ? await startApp({ env: { ...env, DATABASE_URL: app.databaseUrl } }) : app;
    db = createDbClient(app.databaseUrl);
    // Before the first delivery, so no instance has cached "off".
    await db.teamSettings.upsert({ where: { id: "team" }, create: { id: "team", autoAssign: true, slaTargetMinutes: 1 }, update: { autoAssign: true, slaTargetMinutes: 1 } });
    cookies.admin = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
    // Through the admin API: much faster than a `user:create` process per person.
    for (const person of [ANA, BRUNO, CARLA, DORA, EVA]) {
      expect((await callApi(app.url, cookies.admin, "POST", "/api/settings/users", person)).status).toBe(201);
    }
    for (const person of [ANA, BRUNO, CARLA, DORA]) cookies[person.name] = await signIn(app.url, person.email, person.password);
    for (const user of await db.user.findMany({ select: { id: true, name: true } })) ids[user.name] = user.id;
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    if (other !== app) await other?.stop();
    await app?.stop();
    await graph?.close();
  });

  async function deliver(senderIds: string[]) {
    const mids = senderIds.map(() => newInstagramMid());
    const responses = await Promise.all(
      senderIds.map((senderId, index) =>
        postWebhook({ appUrl: [app, other][index % 2].url, channel: "instagram", payload: instagramText({ senderId, mid: mids[index], text: `Hello ${index}` }), appSecret: APP_SECRET }),
      ),
    );
    expect(responses.map((res) => res.status)).toEqual(senderIds.map(() => 200));
    await waitUntil(async () => (await db.externalEventLog.count({ where: { status: "RECEIVED" } })) === 0, "every delivery processed");
    return mids;
  }

  describe("preferences", () => {
    it("answers the defaults, saves each change and refuses bad input", async () => {
      const initial = await callApi(app.url, cookies.Ana, "GET", "/api/me/preferences");
      expect(initial.status).toBe(200);
      expect(initial.body.preferences).toEqual({ notificationLevel: "MINE_AND_UNASSIGNED", notificationSound: true, awayAt: null });

      const saved = await callApi(app.url, cookies.Ana, "PATCH", "/api/me/preferences", { notificationLevel: "ALL", notificationSound: false });
      expect(saved.status).toBe(200);
      expect(saved.body.preferences).toMatchObject({ notificationLevel: "ALL", notificationSound: false, awayAt: null });
      expect((await callApi(app.url, cookies.Ana, "GET", "/api/me/preferences")).body.preferences.notificationLevel).toBe("ALL");

      expect((await callApi(app.url, cookies.Ana, "PATCH", "/api/me/preferences", { notificationLevel: "LOUD" })).status).toBe(422);
      expect((await callApi(app.url, cookies.Ana, "PATCH", "/api/me/preferences", {})).status).toBe(422);
      expect((await callApi(app.url, cookies.Ana, "PATCH", "/api/me/preferences", { away: true, isAdmin: true })).status).toBe(422);
      expect((await fetch(`${app.url}/api/me/preferences`)).status).toBe(401);
      // Each user's own: Bruno still has the defaults.
      expect((await callApi(app.url, cookies.Bruno, "GET", "/api/me/preferences")).body.preferences.notificationLevel).toBe("MINE_AND_UNASSIGNED");
    });

    it("keeps the time Away was first set, and clears it", async () => {
      const away = await callApi(app.url, cookies.Dora, "PATCH", "/api/me/preferences", { away: true });
      expect(away.body.preferences.awayAt).toEqual(expect.any(String));
      const again = await callApi(app.url, cookies.Dora, "PATCH", "/api/me/preferences", { away: true });
      expect(again.body.preferences.awayAt).toBe(away.body.preferences.awayAt);
      const back = await callApi(app.url, cookies.Dora, "PATCH", "/api/me/preferences", { away: false });
      expect(back.body.preferences.awayAt).toBeNull();
      // Away for the rest of the file: auto-assignment must pass her by.
      await callApi(app.url, cookies.Dora, "PATCH", "/api/me/preferences", { away: true });
    });
  });

  describe("auto-assignment", () => {
    it("spreads 12 new conversations arriving at once evenly over the 3 active agents, each assigned once", async () => {
      const senders = Array.from({ length: 12 }, (_, index) => igsidFor(`round-robin-${index}`));
      await deliver(senders);
      const where = { contact: { externalId: { in: senders } } };
      await waitUntil(async () => (await db.conversation.count({ where: { ...where, assigneeId: { not: null } } })) === 12, "all 12 assigned", 20_000);
      const conversations = await db.conversation.findMany({ where, select: { id: true, assigneeId: true, autoAssignedAt: true } });
      const perAgent = new Map<string, number>();
      for (const conversation of conversations) perAgent.set(conversation.assigneeId!, (perAgent.get(conversation.assigneeId!) ?? 0) + 1);
      expect(Object.fromEntries([...perAgent].map(([id, count]) => [Object.keys(ids).find((name) => ids[name] === id), count]))).toEqual({ Ana: 4, Bruno: 4, Carla: 4 });
      expect(conversations.every((conversation) => conversation.autoAssignedAt !== null)).toBe(true);
      const audits = await db.auditLog.findMany({ where: { action: "conversation.auto-assign", target: { in: conversations.map((c) => c.id) } } });
      expect(audits).toHaveLength(12);
      expect(new Set(audits.map((audit) => audit.target)).size).toBe(12);
    });

    it("shows the automatic assignment in the conversation, and a later message does not assign again", async () => {
      const [sender] = [igsidFor("assigned-once")];
      await deliver([sender]);
      const conversation = await waitUntil(
        async () => (await db.conversation.count({ where: { contact: { externalId: sender }, assigneeId: { not: null } } })) === 1,
        "assigned",
      ).then(() => db.conversation.findFirstOrThrow({ where: { contact: { externalId: sender } }, select: { id: true, assigneeId: true } }));
      const detail = await callApi(app.url, cookies.admin, "GET", `/api/inbox/conversations/${conversation.id}`);
      expect(detail.body.conversation.autoAssignedAt).toEqual(expect.any(String));
      expect(detail.body.conversation.assignee.id).toBe(conversation.assigneeId);

      await deliver([sender]);
      // Give a (wrongly) queued job time to run before checking nothing changed.
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await db.auditLog.count({ where: { action: "conversation.auto-assign", target: conversation.id } })).toBe(1);

      // A person's choice replaces the automatic one, and the thread stops saying so.
      const patched = await callApi(app.url, cookies.admin, "PATCH", `/api/inbox/conversations/${conversation.id}`, { assigneeId: ids.Ana });
      expect(patched.status).toBe(200);
      expect(patched.body.conversation.autoAssignedAt).toBeNull();
    });

    it("leaves new conversations alone while the team has auto-assignment off", async () => {
      await db.teamSettings.update({ where: { id: "team" }, data: { autoAssign: false } });
      // The setting is cached for 5 s per instance.
      await new Promise((resolve) => setTimeout(resolve, 5_200));
      const sender = igsidFor("manual-team");
      await deliver([sender]);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await db.conversation.findFirst({ where: { contact: { externalId: sender } }, select: { assigneeId: true } })).toEqual({ assigneeId: null });
      await db.teamSettings.update({ where: { id: "team" }, data: { autoAssign: true } });
    });
  });

  describe("browser notification texts", () => {
    it("names the customer and the message for a customer's message, per the user's level", async () => {
      const sender = igsidFor("notify-me");
      const [mid] = await deliver([sender]);
      const message = await db.message.findFirstOrThrow({ where: { externalId: mid }, select: { id: true, conversationId: true } });
      await db.conversation.update({ where: { id: message.conversationId }, data: { assigneeId: ids.Bruno } });

      // Ana hears of everything (set above); Carla, at the default, only of hers and unassigned.
      const forAna = await callApi(app.url, cookies.Ana, "GET", `/api/me/notifications/messages/${message.id}`);
      expect(forAna.status).toBe(200);
      expect(forAna.body.notification).toMatchObject({ conversationId: message.conversationId, body: "Hello 0", sound: false });
      expect(forAna.body.notification.title).toEqual(expect.any(String));
      expect((await callApi(app.url, cookies.Carla, "GET", `/api/me/notifications/messages/${message.id}`)).body.notification).toBeNull();
      expect((await callApi(app.url, cookies.Bruno, "GET", `/api/me/notifications/messages/${message.id}`)).body.notification).toMatchObject({ sound: true });

      await callApi(app.url, cookies.Bruno, "PATCH", "/api/me/preferences", { notificationLevel: "NONE" });
      expect((await callApi(app.url, cookies.Bruno, "GET", `/api/me/notifications/messages/${message.id}`)).body.notification).toBeNull();
      await callApi(app.url, cookies.Bruno, "PATCH", "/api/me/preferences", { notificationLevel: "MINE_AND_UNASSIGNED" });

      expect((await callApi(app.url, cookies.Ana, "GET", "/api/me/notifications/messages/no-such-message")).status).toBe(404);
      expect((await callApi(app.url, cookies.Ana, "GET", "/api/me/notifications/conversations/no-such-conversation")).status).toBe(404);
    });

    it("names nobody's conversation to an agent who may not see it", async () => {
      const sender = igsidFor("hidden-from-carla");
      const [mid] = await deliver([sender]);
      const message = await db.message.findFirstOrThrow({ where: { externalId: mid }, select: { id: true, conversationId: true } });
      await db.conversation.update({ where: { id: message.conversationId }, data: { assigneeId: ids.Bruno } });
      await db.teamSettings.update({ where: { id: "team" }, data: { agentVisibility: "OWN_AND_UNASSIGNED" } });
      await new Promise((resolve) => setTimeout(resolve, 5_200));
      try {
        expect((await callApi(app.url, cookies.Ana, "GET", `/api/me/notifications/messages/${message.id}`)).status).toBe(404);
        expect((await callApi(app.url, cookies.Ana, "GET", `/api/me/notifications/conversations/${message.conversationId}`)).status).toBe(404);
      } finally {
        await db.teamSettings.update({ where: { id: "team" }, data: { agentVisibility: "ALL" } });
      }
    });
  });

  describe("SLA breaches", () => {
    /** A conversation whose customer has waited `seconds` (speed-to-lead keeps waitingSince at ingest). */
    async function waitingConversation(name: string, seconds: number, assigneeId: string | null) {
      const sender = igsidFor(name);
      await deliver([sender]);
      const conversation = await db.conversation.findFirstOrThrow({ where: { contact: { externalId: sender } }, select: { id: true } });
      await waitUntil(async () => (await db.job.count({ where: { kind: "assignment.auto-assign" } })) === 0, "auto-assignment done");
      await db.conversation.update({
        where: { id: conversation.id },
        data: { assigneeId, autoAssignedAt: null, waitingSince: new Date(Date.now() - seconds * 1000) },
      });
      return conversation.id;
    }

    it("notifies the assignee once past the target, and the admins once past twice the target", async () => {
      const notified = await waitingConversation("sla-notify", 70, ids.Carla);
      const escalated = await waitingConversation("sla-escalate", 130, ids.Carla);
      await waitUntil(async () => (await db.conversation.count({ where: { id: notified, slaNotifiedAt: { not: null } } })) === 1, "notified");
      await waitUntil(async () => (await db.conversation.count({ where: { id: escalated, slaEscalatedAt: { not: null } } })) === 1, "escalated");
      const [first, escalatedRow] = await Promise.all([
        db.conversation.findUniqueOrThrow({ where: { id: notified }, select: { slaNotifiedAt: true, slaEscalatedAt: true, assigneeId: true } }),
        db.conversation.findUniqueOrThrow({ where: { id: escalated }, select: { slaNotifiedAt: true, assigneeId: true } }),
      ]);
      expect(first.slaEscalatedAt).toBeNull();
      expect(first.assigneeId).toBe(ids.Carla);
      expect(escalatedRow.slaNotifiedAt).not.toBeNull();

      // Later runs leave the marks alone: one notice per wait.
      await new Promise((resolve) => setTimeout(resolve, 600));
      const later = await db.conversation.findUniqueOrThrow({ where: { id: notified }, select: { slaNotifiedAt: true } });
      expect(later.slaNotifiedAt).toEqual(first.slaNotifiedAt);

      const text = await callApi(app.url, cookies.Carla, "GET", `/api/me/notifications/conversations/${notified}`);
      expect(text.status).toBe(200);
      expect(text.body.notification.title).toMatch(/is waiting$/);
      expect(text.body.notification.body).toMatch(/^Waiting \d+ min/);
    });

    it("reassigns to the next active agent instead when the team asks for it, audited", async () => {
      await db.teamSettings.update({ where: { id: "team" }, data: { slaReassign: true } });
      try {
        const conversationId = await waitingConversation("sla-reassign", 70, ids.Ana);
        await waitUntil(async () => (await db.conversation.count({ where: { id: conversationId, slaNotifiedAt: { not: null } } })) === 1, "handled");
        const row = await db.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { assigneeId: true, autoAssignedAt: true } });
        expect([ids.Bruno, ids.Carla]).toContain(row.assigneeId);
        expect(row.autoAssignedAt).not.toBeNull();
        const audit = await db.auditLog.findFirstOrThrow({ where: { action: "conversation.sla-reassign", target: conversationId } });
        expect(audit.details).toMatchObject({ from: ids.Ana, to: row.assigneeId });
      } finally {
        await db.teamSettings.update({ where: { id: "team" }, data: { slaReassign: false } });
      }
    });

    it("tells the assignee's browser through the live stream", async () => {
      const controller = new AbortController();
      const res = await fetch(`${other.url}/api/inbox/events`, { headers: { cookie: cookies.Carla }, signal: controller.signal });
      const events: string[] = [];
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      void (async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          events.push(value);
        }
      })().catch(() => {});
      try {
        await new Promise((resolve) => setTimeout(resolve, 300));
        const conversationId = await waitingConversation("sla-live", 70, ids.Carla);
        await waitUntil(async () => events.join("").includes(`"type":"sla.breached","conversationId":"${conversationId}"`), "sla.breached on the stream", 15_000);
        const line = events.join("").split("\n").find((chunk) => chunk.includes(`"sla.breached","conversationId":"${conversationId}"`))!;
        expect(JSON.parse(line.slice("data: ".length))).toEqual({ type: "sla.breached", conversationId, userIds: [ids.Carla], escalated: false });
      } finally {
        controller.abort();
      }
    });
  });
});
