// Who sees which conversations (issue 20): the team setting agentVisibility, edited by admins at
// /api/settings/team-settings (audited), and, under "OWN_AND_UNASSIGNED", an agent's inbox list,
// tab counts, search, every single-conversation route (404 for another rep's) and the live stream.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { callApi } from "../helpers/api";
import { startApp, TEST_ADMIN, type RunningApp } from "../helpers/app";
import { openDatabase } from "../helpers/database";
import { createUser, signIn } from "../helpers/session";

const ANA = { name: "Ana Rep", email: "ana.rep@example.com", password: "ana-password-123", role: "AGENT" as const };
const BRUNO = { name: "Bruno Rep", email: "bruno.rep@example.com", password: "bruno-password-123", role: "AGENT" as const };

let app: RunningApp;
let db: PrismaClient;
let admin: string;
let ana: string;
let bruno: string;
const ids: Record<string, string> = {};

/** One conversation with its contact and lead; `name` carries "Visibility" so one search finds them all. */
async function seed(key: string, options: { assigneeId?: string | null; ownerId?: string | null; unread?: number }) {
  const lead = await db.lead.create({ data: { ownerId: options.ownerId ?? null } });
  const contact = await db.contact.create({
    data: { channel: "INSTAGRAM", externalId: `vis-${key}`, instagramId: `vis-${key}`, displayName: `Visibility ${key}`, leadId: lead.id },
  });
  const conversation = await db.conversation.create({
    data: {
      channel: "INSTAGRAM",
      businessAccountId: "17841400000000001",
      contactId: contact.id,
      leadId: lead.id,
      assigneeId: options.assigneeId ?? null,
      unreadCount: options.unread ?? 1,
      lastMessageAt: new Date(Date.now() - Object.keys(ids).length * 1000),
      lastInboundAt: new Date(),
      lastMessagePreview: "hello",
    },
  });
  await db.message.create({ data: { conversationId: conversation.id, channel: "INSTAGRAM", direction: "INBOUND", externalId: `mid-vis-${key}`, text: `hello from ${key}`, status: "DELIVERED" } });
  ids[key] = conversation.id;
}

beforeAll(async () => {
  app = await startApp();
  await Promise.all([createUser(app, ANA), createUser(app, BRUNO)]);
  db = openDatabase(app);
  [admin, ana, bruno] = await Promise.all([
    signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password),
    signIn(app.url, ANA.email, ANA.password),
    signIn(app.url, BRUNO.email, BRUNO.password),
  ]);
  const anaId = (await db.user.findUniqueOrThrow({ where: { email: ANA.email } })).id;
  const brunoId = (await db.user.findUniqueOrThrow({ where: { email: BRUNO.email } })).id;
  await seed("anas", { assigneeId: anaId });
  await seed("brunos", { assigneeId: brunoId });
  await seed("brunos-lead", { ownerId: brunoId });
  await seed("nobodys", {});
  await seed("anas-lead", { ownerId: anaId });
  // Assigned to Ana although Bruno owns the lead: the assignment wins.
  await seed("anas-on-brunos-lead", { assigneeId: anaId, ownerId: brunoId });
});

afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
});

const listed = async (cookie: string, query = "") => {
  const { status, body } = await callApi(app.url, cookie, "GET", `/api/inbox/conversations?limit=50${query}`);
  expect(status).toBe(200);
  return { ids: new Set((body.conversations as { id: string }[]).map((row) => row.id)), unread: body.unreadCounts };
};
const keysOf = (found: Set<string>) => Object.keys(ids).filter((key) => found.has(ids[key])).sort();

describe("team settings", () => {
  it("agents cannot read or change them; admins get the defaults, and bad input is 422 with nothing changed", async () => {
    expect((await callApi(app.url, ana, "GET", "/api/settings/team-settings")).status).toBe(403);
    expect((await callApi(app.url, ana, "PATCH", "/api/settings/team-settings", { agentVisibility: "ALL" })).status).toBe(403);
    expect((await callApi(app.url, admin, "GET", "/api/settings/team-settings")).body).toEqual({ agentVisibility: "ALL", defaultCurrency: "EUR" });
    for (const bad of [{ agentVisibility: "SOME" }, { defaultCurrency: "EUO" }, { defaultCurrency: 978 }, {}, { agentVisibility: "ALL", extra: true }]) {
      const res = await callApi(app.url, admin, "PATCH", "/api/settings/team-settings", bad);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
    }
    expect(await db.teamSettings.count()).toBe(0);
  });

  it("an admin's change is saved and audited; new leads take the default currency", async () => {
    const res = await callApi(app.url, admin, "PATCH", "/api/settings/team-settings", { defaultCurrency: "brl" });
    expect(res).toMatchObject({ status: 200, body: { agentVisibility: "ALL", defaultCurrency: "BRL" } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.team-settings" }, orderBy: { createdAt: "desc" } });
    expect(audit.details).toEqual({ defaultCurrency: { from: "EUR", to: "BRL" } });
    expect((await callApi(app.url, admin, "PATCH", "/api/settings/team-settings", { defaultCurrency: "EUR" })).status).toBe(200);
  });
});

describe("agents under \"all conversations\"", () => {
  it("see every conversation", async () => {
    expect(keysOf((await listed(ana)).ids)).toEqual(Object.keys(ids).sort());
    expect((await callApi(app.url, ana, "GET", `/api/inbox/conversations/${ids.brunos}`)).status).toBe(200);
  });
});

describe("agents under \"their own and unassigned\"", () => {
  beforeAll(async () => {
    const res = await callApi(app.url, admin, "PATCH", "/api/settings/team-settings", { agentVisibility: "OWN_AND_UNASSIGNED" });
    expect(res.status).toBe(200);
  });

  it("list, counts and search hold only their own and the unassigned ones whose lead is theirs or nobody's", async () => {
    const own = ["anas", "anas-lead", "anas-on-brunos-lead", "nobodys"];
    const mine = await listed(ana);
    expect(keysOf(mine.ids)).toEqual(own);
    expect(mine.unread).toMatchObject({ all: own.length, instagram: own.length });
    expect(keysOf((await listed(ana, "&q=Visibility")).ids)).toEqual(own);
    expect(keysOf((await listed(ana, "&q=hello")).ids)).toEqual(own);
    // Paging through a restricted list in small pages loses and repeats nothing.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const { body } = await callApi(app.url, ana, "GET", `/api/inbox/conversations?limit=1&q=Visibility${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      paged.push(...(body.conversations as { id: string }[]).map((row) => row.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(keysOf(new Set(paged))).toEqual(own);
    expect(paged).toHaveLength(own.length);

    expect(keysOf((await listed(bruno)).ids)).toEqual(["brunos", "brunos-lead", "nobodys"]);
    // Admins still see everything.
    expect(keysOf((await listed(admin)).ids)).toEqual(Object.keys(ids).sort());
  });

  it("every route on another rep's conversation answers 404, changing nothing and calling nobody", async () => {
    const other = ids.brunos;
    const before = await db.conversation.findUniqueOrThrow({ where: { id: other } });
    const calls: Array<[string, string, unknown?]> = [
      ["GET", `/api/inbox/conversations/${other}`],
      ["PATCH", `/api/inbox/conversations/${other}`, { status: "ARCHIVED" }],
      ["GET", `/api/inbox/conversations/${other}/messages`],
      ["POST", `/api/inbox/conversations/${other}/read`],
      ["POST", `/api/inbox/conversations/${other}/reply`, { text: "hi" }],
      ["GET", `/api/inbox/conversations/${other}/templates`],
      ["POST", `/api/inbox/conversations/${other}/block`],
      ["DELETE", `/api/inbox/conversations/${other}/block`],
      ["POST", `/api/inbox/conversations/${other}/unread`],
      ["POST", `/api/inbox/conversations/${other}/notes`, { text: "a note" }],
      ["PUT", `/api/inbox/conversations/${other}/labels`, { labelIds: [] }],
      ["GET", `/api/inbox/contacts/${before.contactId}/avatar`],
    ];
    for (const [method, path, body] of calls) {
      const res = await callApi(app.url, ana, method, path, body);
      expect({ path, method, status: res.status }).toEqual({ path, method, status: 404 });
      expect(res.body.error.code).toBe("NOT_FOUND");
    }
    expect((await callApi(app.url, ana, "GET", `/api/inbox/contacts/${before.contactId}/avatar`)).body.error.message).toBe("Contact not found");
    const message = await db.message.findFirstOrThrow({ where: { conversationId: other } });
    expect((await callApi(app.url, ana, "GET", `/api/inbox/media/${message.id}/0`)).status).toBe(404);
    expect((await callApi(app.url, ana, "POST", `/api/inbox/messages/${message.id}/retry`)).status).toBe(404);
    expect(await db.conversation.findUniqueOrThrow({ where: { id: other } })).toEqual(before);
    expect(await db.message.count({ where: { conversationId: other } })).toBe(1);
    expect(await db.blockedContact.count()).toBe(0);

    expect((await callApi(app.url, ana, "GET", `/api/inbox/conversations/${ids["anas-lead"]}`)).status).toBe(200);
    expect((await callApi(app.url, admin, "GET", `/api/inbox/conversations/${other}`)).status).toBe(200);
  });

  it("the live stream never names another rep's conversation to an agent", async () => {
    const abort = new AbortController();
    const res = await fetch(`${app.url}/api/inbox/events`, { headers: { cookie: ana }, signal: abort.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = decoder.decode((await reader.read()).value);
    // Another rep's conversation changes first, then one Ana may see.
    await callApi(app.url, admin, "PATCH", `/api/inbox/conversations/${ids.brunos}`, { leadStatus: "CONTACTED" });
    await callApi(app.url, admin, "PATCH", `/api/inbox/conversations/${ids.nobodys}`, { leadStatus: "CONTACTED" });
    while (!received.includes(ids.nobodys)) received += decoder.decode((await reader.read()).value);
    abort.abort();
    expect(received).not.toContain(ids.brunos);
  });

  it("the live stream never names another rep's lead to an agent", async () => {
    const leadOf = async (key: string) => (await db.conversation.findUniqueOrThrow({ where: { id: ids[key] } })).leadId;
    const [hidden, shown] = [await leadOf("brunos-lead"), await leadOf("nobodys")];
    const abort = new AbortController();
    const res = await fetch(`${app.url}/api/inbox/events`, { headers: { cookie: ana }, signal: abort.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = decoder.decode((await reader.read()).value);
    expect((await callApi(app.url, admin, "PATCH", `/api/leads/${hidden}`, { value: 1000 })).status).toBe(200);
    expect((await callApi(app.url, admin, "PATCH", `/api/leads/${shown}`, { value: 2000 })).status).toBe(200);
    while (!received.includes(shown)) received += decoder.decode((await reader.read()).value);
    abort.abort();
    expect(received).not.toContain(hidden);
  });
});
