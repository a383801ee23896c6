// Reports (issue 18): GET /api/reports/summary against a seeded history with known answers —
// first-response median and p90, SLA hit rate, conversations per UTC day and channel (day edges
// included), the leads funnel, won value, per-agent rows, channel and agent filters, agent vs admin
// scoping (and agentVisibility), bad queries. Runs on SQLite and, with TEST_DATABASE=postgres, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { callApi } from "../helpers/api";
import { startApp, TEST_ADMIN, type RunningApp } from "../helpers/app";
import { openDatabase } from "../helpers/database";
import { createUser, signIn } from "../helpers/session";

const ANA = { name: "Ana Rep", email: "ana.reports@example.com", password: "ana-password-123", role: "AGENT" as const };
const BRUNO = { name: "Bruno Rep", email: "bruno.reports@example.com", password: "bruno-password-123", role: "AGENT" as const };
const RANGE = "from=2026-11-01&to=2026-11-03";

let app: RunningApp;
let db: PrismaClient;
let admin: string;
let ana: string;
let anaId: string;
let brunoId: string;
let adminId: string;

const at = (iso: string) => new Date(iso);
let seq = 0;

/** A conversation started at `started` (with its contact and a lead created outside the range). */
async function conversation(options: {
  started: string;
  channel: "INSTAGRAM" | "WHATSAPP";
  seconds?: number;
  by?: string;
  assignee?: string | null;
  slaNotified?: boolean;
}) {
  const key = `rep-${seq++}`;
  const lead = await db.lead.create({ data: { createdAt: at("2026-09-01T00:00:00Z") } });
  const contact = await db.contact.create({ data: { channel: options.channel, externalId: key, displayName: `Reports ${key}`, leadId: lead.id } });
  const started = at(options.started);
  const row = await db.conversation.create({
    data: {
      channel: options.channel,
      businessAccountId: "biz",
      contactId: contact.id,
      leadId: lead.id,
      assigneeId: options.assignee ?? null,
      lastMessageAt: started,
      firstInboundAt: started,
      ...(options.seconds === undefined
        ? { waitingSince: started, slaNotifiedAt: options.slaNotified ? new Date(started.getTime() + 3_600_000) : null }
        : { firstResponseSeconds: options.seconds, firstResponseAt: new Date(started.getTime() + options.seconds * 1000), firstResponseById: options.by }),
    },
  });
  return row;
}

async function staffMessage(conversationId: string, channel: "INSTAGRAM" | "WHATSAPP", sentById: string, sentAt: string, type: "TEXT" | "NOTE" | "REACTION" = "TEXT") {
  await db.message.create({ data: { conversationId, channel, direction: "OUTBOUND", type, text: "hi", status: "SENT", sentById, sentAt: at(sentAt) } });
}

async function lead(options: { created: string; status: "NEW" | "CONTACTED" | "QUALIFIED" | "WON" | "LOST"; value?: number; currency?: string; owner?: string | null; channel: "INSTAGRAM" | "WHATSAPP"; won?: string }) {
  await db.lead.create({
    data: {
      createdAt: at(options.created),
      status: options.status,
      value: options.value ?? null,
      currency: options.currency ?? "EUR",
      ownerId: options.owner ?? null,
      sourceChannel: options.channel,
      wonAt: options.won ? at(options.won) : null,
    },
  });
}

beforeAll(async () => {
  // The seeded history says which waits the SLA check has marked; the check itself runs once at
  // start (on an empty database) and not again, or it would mark the unjudged one mid-test.
  app = await startApp({ env: { SLA_CHECK_INTERVAL_MS: String(24 * 3_600_000) } });
  await Promise.all([createUser(app, ANA), createUser(app, BRUNO)]);
  db = openDatabase(app);
  [admin, ana] = await Promise.all([signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password), signIn(app.url, ANA.email, ANA.password)]);
  anaId = (await db.user.findUniqueOrThrow({ where: { email: ANA.email } })).id;
  brunoId = (await db.user.findUniqueOrThrow({ where: { email: BRUNO.email } })).id;
  adminId = (await db.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } })).id;
  await db.teamSettings.upsert({ where: { id: "team" }, create: { id: "team", slaTargetMinutes: 10 }, update: { slaTargetMinutes: 10 } });

  const c1 = await conversation({ started: "2026-11-01T08:00:00Z", channel: "INSTAGRAM", seconds: 60, by: anaId, assignee: anaId });
  const c2 = await conversation({ started: "2026-11-01T09:00:00Z", channel: "WHATSAPP", seconds: 120, by: anaId, assignee: anaId });
  // The last millisecond of 1 November and the first of 2 November: each in its own UTC day.
  const c3 = await conversation({ started: "2026-11-01T23:59:59.999Z", channel: "WHATSAPP", seconds: 300, by: brunoId, assignee: brunoId });
  const c4 = await conversation({ started: "2026-11-02T00:00:00.000Z", channel: "INSTAGRAM", seconds: 900, by: brunoId, assignee: brunoId });
  const c5 = await conversation({ started: "2026-11-02T10:00:00Z", channel: "WHATSAPP", seconds: 1800, by: anaId, assignee: anaId });
  // Unanswered: past the target (the SLA check marked it) is a miss; still within it is not judged yet.
  await conversation({ started: "2026-11-03T10:00:00Z", channel: "WHATSAPP", assignee: brunoId, slaNotified: true });
  await conversation({ started: "2026-11-03T11:00:00Z", channel: "INSTAGRAM" });
  // Just outside the range on either side.
  await conversation({ started: "2026-10-31T23:59:59.999Z", channel: "INSTAGRAM", seconds: 30, by: anaId, assignee: anaId });
  const c9 = await conversation({ started: "2026-11-04T00:00:00.000Z", channel: "WHATSAPP", seconds: 10, by: anaId, assignee: anaId });

  await staffMessage(c1.id, "INSTAGRAM", anaId, "2026-11-01T08:01:00Z");
  await staffMessage(c1.id, "INSTAGRAM", anaId, "2026-11-01T08:30:00Z");
  await staffMessage(c1.id, "INSTAGRAM", anaId, "2026-11-01T08:05:00Z", "NOTE");
  await staffMessage(c2.id, "WHATSAPP", anaId, "2026-11-01T09:02:00Z");
  await staffMessage(c2.id, "WHATSAPP", anaId, "2026-11-01T09:03:00Z", "REACTION");
  await staffMessage(c5.id, "WHATSAPP", anaId, "2026-11-02T10:30:00Z");
  await staffMessage(c9.id, "WHATSAPP", anaId, "2026-11-04T00:00:10Z");
  await staffMessage(c3.id, "WHATSAPP", brunoId, "2026-11-02T00:04:59Z");
  await staffMessage(c4.id, "INSTAGRAM", brunoId, "2026-11-02T00:15:00Z");

  await lead({ created: "2026-11-01T10:00:00Z", status: "NEW", value: 1000, channel: "INSTAGRAM" });
  await lead({ created: "2026-11-01T11:00:00Z", status: "CONTACTED", value: 2500, owner: anaId, channel: "WHATSAPP" });
  await lead({ created: "2026-11-02T12:00:00Z", status: "QUALIFIED", owner: brunoId, channel: "WHATSAPP" });
  await lead({ created: "2026-11-02T13:00:00Z", status: "WON", value: 10_000, owner: anaId, channel: "WHATSAPP", won: "2026-11-03T09:00:00Z" });
  await lead({ created: "2026-11-03T14:00:00Z", status: "WON", value: 5000, currency: "USD", owner: brunoId, channel: "INSTAGRAM", won: "2026-11-03T15:00:00Z" });
  await lead({ created: "2026-11-03T15:00:00Z", status: "LOST", value: 700, owner: anaId, channel: "INSTAGRAM" });
  // Created before the range, won in it: in the won value, not in the funnel.
  await lead({ created: "2026-10-15T00:00:00Z", status: "WON", value: 20_000, owner: anaId, channel: "WHATSAPP", won: "2026-11-02T08:00:00Z" });
  // Created in the range, won after it: in the funnel, not in the won value.
  await lead({ created: "2026-11-01T12:00:00Z", status: "WON", value: 99_999, owner: brunoId, channel: "WHATSAPP", won: "2026-11-05T00:00:00Z" });
});

afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
});

const summary = async (cookie: string, query: string) => {
  const { status, body } = await callApi(app.url, cookie, "GET", `/api/reports/summary?${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
};

describe("reports summary", () => {
  it("answers the team's figures for the range exactly", async () => {
    const body = await summary(admin, RANGE);
    expect(Object.keys(body).sort()).toEqual(["byAgent", "conversationsByDay", "firstResponse", "leadsByStatus", "sla", "wonValue"]);
    // [60, 120, 300, 900, 1800]: median 300; p90 at rank 3.6 = 900 + 0.6 × 900.
    expect(body.firstResponse).toEqual({ medianSeconds: 300, p90Seconds: 1440, count: 5 });
    // 3 within 600 s, of 5 answered + 1 unanswered past the target.
    expect(body.sla).toEqual({ targetSeconds: 600, hitRate: 0.5 });
    expect(body.conversationsByDay).toEqual([
      { day: "2026-11-01", channel: "instagram", count: 1 },
      { day: "2026-11-01", channel: "whatsapp", count: 2 },
      { day: "2026-11-02", channel: "instagram", count: 1 },
      { day: "2026-11-02", channel: "whatsapp", count: 1 },
      { day: "2026-11-03", channel: "instagram", count: 1 },
      { day: "2026-11-03", channel: "whatsapp", count: 1 },
    ]);
    expect(body.leadsByStatus).toEqual([
      { status: "NEW", count: 1, totals: [{ currency: "EUR", value: 1000 }] },
      { status: "CONTACTED", count: 1, totals: [{ currency: "EUR", value: 2500 }] },
      { status: "QUALIFIED", count: 1, totals: [] },
      { status: "WON", count: 3, totals: [{ currency: "EUR", value: 109_999 }, { currency: "USD", value: 5000 }] },
      { status: "LOST", count: 1, totals: [{ currency: "EUR", value: 700 }] },
    ]);
    expect(body.wonValue).toEqual([{ currency: "EUR", value: 30_000 }, { currency: "USD", value: 5000 }]);
    expect(body.byAgent).toEqual([
      { userId: adminId, name: TEST_ADMIN.name, conversationsHandled: 0, medianFirstResponseSeconds: null, repliesSent: 0, leadsWon: 0 },
      // Notes, reactions and the reply after the range are not replies sent in it.
      { userId: anaId, name: ANA.name, conversationsHandled: 3, medianFirstResponseSeconds: 120, repliesSent: 4, leadsWon: 2 },
      { userId: brunoId, name: BRUNO.name, conversationsHandled: 2, medianFirstResponseSeconds: 600, repliesSent: 2, leadsWon: 1 },
    ]);
  });

  it("takes date-times as exact bounds, `to` exclusive", async () => {
    const body = await summary(admin, `from=${encodeURIComponent("2026-11-01T23:59:59.999Z")}&to=${encodeURIComponent("2026-11-02T00:00:00.000Z")}`);
    expect(body.conversationsByDay).toEqual([{ day: "2026-11-01", channel: "whatsapp", count: 1 }]);
    expect(body.firstResponse).toEqual({ medianSeconds: 300, p90Seconds: 300, count: 1 });
  });

  it("filters by channel", async () => {
    const body = await summary(admin, `${RANGE}&channel=whatsapp`);
    // [120, 300, 1800]: p90 at rank 1.8 = 300 + 0.8 × 1500.
    expect(body.firstResponse).toEqual({ medianSeconds: 300, p90Seconds: 1500, count: 3 });
    expect(body.sla.hitRate).toBe(0.5);
    expect(body.conversationsByDay.every((row: { channel: string }) => row.channel === "whatsapp")).toBe(true);
    expect(body.leadsByStatus.map((row: { count: number }) => row.count)).toEqual([0, 1, 1, 2, 0]);
    expect(body.wonValue).toEqual([{ currency: "EUR", value: 30_000 }]);
    const anaRow = body.byAgent.find((row: { userId: string }) => row.userId === anaId);
    expect(anaRow).toMatchObject({ conversationsHandled: 2, repliesSent: 2, medianFirstResponseSeconds: 960 });
  });

  it("filters by agent for admins: their conversations, their leads, their row only", async () => {
    const body = await summary(admin, `${RANGE}&userId=${anaId}`);
    // [60, 120, 1800]: p90 at rank 1.8 = 120 + 0.8 × 1680.
    expect(body.firstResponse).toEqual({ medianSeconds: 120, p90Seconds: 1464, count: 3 });
    expect(body.sla.hitRate).toBe(0.6667);
    expect(body.leadsByStatus.map((row: { count: number }) => row.count)).toEqual([0, 1, 0, 1, 1]);
    expect(body.wonValue).toEqual([{ currency: "EUR", value: 30_000 }]);
    expect(body.byAgent.map((row: { userId: string }) => row.userId)).toEqual([anaId]);
  });

  it("gives an agent the team's figures and only their own row; another person's userId is 403", async () => {
    const team = await summary(admin, RANGE);
    const own = await summary(ana, RANGE);
    expect(own.firstResponse).toEqual(team.firstResponse);
    expect(own.leadsByStatus).toEqual(team.leadsByStatus);
    expect(own.byAgent).toEqual([team.byAgent.find((row: { userId: string }) => row.userId === anaId)]);
    const forbidden = await callApi(app.url, ana, "GET", `/api/reports/summary?${RANGE}&userId=${brunoId}`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("FORBIDDEN");
    expect((await summary(ana, `${RANGE}&userId=${anaId}`)).firstResponse.count).toBe(3);
  });

  it("scopes a restricted agent's team figures to what they may see (OWN_AND_UNASSIGNED)", async () => {
    expect((await callApi(app.url, admin, "PATCH", "/api/settings/team-settings", { agentVisibility: "OWN_AND_UNASSIGNED" })).status).toBe(200);
    try {
      const body = await summary(ana, RANGE);
      // Ana's three conversations and the unassigned one on a lead nobody owns.
      expect(body.firstResponse).toEqual({ medianSeconds: 120, p90Seconds: 1464, count: 3 });
      expect(body.sla.hitRate).toBe(0.6667);
      expect(body.conversationsByDay.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(4);
      expect(body.leadsByStatus.map((row: { count: number }) => row.count)).toEqual([1, 1, 0, 1, 1]);
      expect(body.wonValue).toEqual([{ currency: "EUR", value: 30_000 }]);
      expect(body.byAgent).toEqual([{ userId: anaId, name: ANA.name, conversationsHandled: 3, medianFirstResponseSeconds: 120, repliesSent: 4, leadsWon: 2 }]);
      // Admins still see everything.
      expect((await summary(admin, RANGE)).firstResponse.count).toBe(5);
    } finally {
      await callApi(app.url, admin, "PATCH", "/api/settings/team-settings", { agentVisibility: "ALL" });
    }
  });

  it("answers empty ranges with nulls, not zeros", async () => {
    const body = await summary(admin, "from=2020-01-01&to=2020-01-31");
    expect(body.firstResponse).toEqual({ medianSeconds: null, p90Seconds: null, count: 0 });
    expect(body.sla).toEqual({ targetSeconds: 600, hitRate: null });
    expect(body.conversationsByDay).toEqual([]);
    expect(body.wonValue).toEqual([]);
  });

  it("refuses bad queries with 4xx and the error shape", async () => {
    for (const query of [
      "from=2026-11-05&to=2026-11-01",
      "from=yesterday&to=2026-11-01",
      "from=2026-02-30&to=2026-03-01",
      "from=2025-01-01&to=2026-11-01",
      `${RANGE}&channel=fax`,
      `from=${encodeURIComponent("2026-11-01T10:00:00")}&to=2026-11-02`,
    ]) {
      const { status, body } = await callApi(app.url, admin, "GET", `/api/reports/summary?${query}`);
      expect(status, query).toBe(422);
      expect(body.error.code, query).toBe("VALIDATION_FAILED");
    }
    const unknown = await callApi(app.url, admin, "GET", `/api/reports/summary?${RANGE}&userId=nobody`);
    expect(unknown.status).toBe(422);
    expect((await fetch(`${app.url}/api/reports/summary?${RANGE}`)).status).toBe(401);
  });

  it("serves the page with the figures rendered on the server", async () => {
    const { status, text } = await callApi(app.url, admin, "GET", `/reports?range=custom&from=2026-11-01&to=2026-11-03`);
    expect(status).toBe(200);
    expect(text).toContain("Conversations started per day");
    expect(text).toContain("Ana Rep");
  });
});
