import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openSse } from "../../scripts/bench/sse-client";
import { callApi } from "../helpers/api";
import { startApp, TEST_ADMIN, type RunningApp } from "../helpers/app";
import { countRows } from "../helpers/count-rows";
import { openDatabase, waitFor } from "../helpers/database";
import { createUser, signIn } from "../helpers/session";

/**
 * The leads API (issue 20) against the built app, on SQLite or (TEST_DATABASE=postgres)
 * PostgreSQL: seeded through Prisma so both databases get the same rows.
 */

const REP_A = { name: "Rita Rep", email: "rita@example.com", password: "rita-password-1", role: "AGENT" as const };
const REP_B = { name: "Bruno Rep", email: "bruno@example.com", password: "bruno-password-1", role: "AGENT" as const };
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);

interface SeedLead {
  name: string;
  channel?: "INSTAGRAM" | "WHATSAPP";
  username?: string;
  phone?: string;
  status?: "NEW" | "CONTACTED" | "QUALIFIED" | "WON" | "LOST";
  value?: number | null;
  ownerId?: string | null;
  assigneeId?: string | null;
  sourceKind?: string | null;
  headline?: string;
  /** Minutes after T0 of the last contact; null = never. */
  lastContact?: number | null;
  /** Minutes after T0 of creation. */
  created?: number;
  leadName?: string;
}

let externalSeq = 0;

async function seedLead(db: PrismaClient, input: SeedLead) {
  externalSeq += 1;
  const channel = input.channel ?? "INSTAGRAM";
  const lastContactAt = input.lastContact === null ? null : new Date(T0 + (input.lastContact ?? 0) * MINUTE);
  const lead = await db.lead.create({
    data: {
      name: input.leadName ?? null,
      status: input.status ?? "NEW",
      value: input.value ?? null,
      ownerId: input.ownerId ?? null,
      lastContactAt,
      lastContactChannel: lastContactAt ? channel : null,
      createdAt: new Date(T0 + (input.created ?? 0) * MINUTE),
      sourceKind: input.sourceKind === undefined ? "organic" : input.sourceKind,
      sourceChannel: channel,
      sourceHeadline: input.headline ?? null,
      sourceAdId: input.sourceKind === "ad" ? `ad-${externalSeq}` : null,
    },
  });
  const externalId = channel === "WHATSAPP" ? (input.phone ?? `4479000${String(externalSeq).padStart(5, "0")}`) : `1789${String(externalSeq).padStart(12, "0")}`;
  const contact = await db.contact.create({
    data: {
      channel,
      externalId,
      displayName: input.name,
      leadId: lead.id,
      ...(channel === "WHATSAPP" ? { whatsappId: externalId } : { instagramId: externalId, instagramUsername: input.username ?? null }),
      createdAt: new Date(T0 + (input.created ?? 0) * MINUTE),
    },
  });
  const conversation = await db.conversation.create({
    data: {
      channel,
      businessAccountId: "biz",
      contactId: contact.id,
      leadId: lead.id,
      assigneeId: input.assigneeId ?? null,
      lastMessageAt: lastContactAt,
      lastInboundAt: lastContactAt,
      lastMessagePreview: "Hello",
    },
  });
  return { leadId: lead.id, contactId: contact.id, conversationId: conversation.id };
}

describe(`leads API (${process.env.TEST_DATABASE === "postgres" ? "PostgreSQL" : "SQLite"})`, () => {
  let app: RunningApp;
  let db: PrismaClient;
  let admin: string;
  let ritaCookie: string;
  let brunoCookie: string;
  const users: Record<string, string> = {};
  const ids: Record<string, Awaited<ReturnType<typeof seedLead>>> = {};

  const api = (method: string, path: string, body?: unknown, cookie = admin) => callApi(app.url, cookie, method, path, body);
  const list = async (query: string, cookie = admin) => {
    const res = await api("GET", `/api/leads${query}`, undefined, cookie);
    expect(res.status, res.text).toBe(200);
    return res.body as { leads: { id: string; name: string }[]; nextCursor: string | null };
  };
  const listIds = async (query: string, cookie = admin) => (await list(query, cookie)).leads.map((lead) => lead.id);
  const leadIds = (...names: string[]) => names.map((name) => ids[name].leadId);

  beforeAll(async () => {
    app = await startApp();
    db = openDatabase(app);
    await Promise.all([createUser(app, REP_A), createUser(app, REP_B)]);
    for (const user of await db.user.findMany({ select: { id: true, email: true } })) users[user.email] = user.id;
    [admin, ritaCookie, brunoCookie] = await Promise.all([
      signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password),
      signIn(app.url, REP_A.email, REP_A.password),
      signIn(app.url, REP_B.email, REP_B.password),
    ]);
    const rita = users[REP_A.email];
    const bruno = users[REP_B.email];
    ids.ana = await seedLead(db, { name: "Ana Costa", username: "ana.costa", status: "NEW", value: 120000, ownerId: rita, lastContact: 50, created: 1, sourceKind: "ad", headline: "Blue sofa -30%" });
    ids.maria = await seedLead(db, { name: "Maria Silva", channel: "WHATSAPP", phone: "351912345678", status: "QUALIFIED", value: 45000, ownerId: bruno, lastContact: 40, created: 2 });
    ids.joao = await seedLead(db, { name: "João Pereira", channel: "WHATSAPP", phone: "351934000111", status: "CONTACTED", value: null, lastContact: 30, created: 3 });
    ids.zoe = await seedLead(db, { name: "Zoe \"Quote\", Ltd", username: "zoe_shop", status: "WON", value: 990000, ownerId: bruno, assigneeId: rita, lastContact: 20, created: 4, sourceKind: "link" });
    ids.never = await seedLead(db, { name: "=Silent Sam", username: "sam", status: "NEW", value: 500, lastContact: null, created: 5, sourceKind: null });
    ids.sofiaIg = await seedLead(db, { name: "Sofia Rossi", username: "sofia.rossi", status: "QUALIFIED", value: 250000, lastContact: 10, created: 0, sourceKind: "ad", headline: "Oak table" });
    ids.sofiaWa = await seedLead(db, { name: "Sofía Rossi", channel: "WHATSAPP", phone: "393331112222", status: "CONTACTED", value: null, ownerId: bruno, lastContact: 60, created: 6 });
    ids.dupPhone = await seedLead(db, { name: "M. Silva (work)", channel: "WHATSAPP", phone: "351912345679", status: "NEW", lastContact: 5, created: 7 });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await app?.stop();
  });

  it("lists leads in the issue's JSON shape, most recent contact first, never-contacted last", async () => {
    const page = await list("?limit=100");
    expect(page.leads.map((lead) => lead.id)).toEqual(leadIds("sofiaWa", "ana", "maria", "joao", "zoe", "sofiaIg", "dupPhone", "never"));
    expect(page.nextCursor).toBeNull();
    const ana = page.leads.find((lead) => lead.id === ids.ana.leadId) as Record<string, any>;
    expect(ana).toMatchObject({
      id: ids.ana.leadId,
      name: "Ana Costa",
      status: "NEW",
      value: 120000,
      currency: "EUR",
      owner: { id: users[REP_A.email], name: REP_A.name },
      lastContactAt: new Date(T0 + 50 * MINUTE).toISOString(),
      lastContactChannel: "INSTAGRAM",
      source: { kind: "ad", channel: "INSTAGRAM", headline: "Blue sofa -30%" },
      contacts: [{ id: ids.ana.contactId, channel: "INSTAGRAM", displayName: "Ana Costa", username: "ana.costa" }],
      conversations: [{ id: ids.ana.conversationId, channel: "INSTAGRAM", status: "OPEN", unreadCount: 0 }],
    });
    expect(Object.keys(ana.conversations[0]).sort()).toEqual(expect.arrayContaining(["id", "channel", "status", "unreadCount", "lastMessageAt"]));
    expect(page.leads.find((lead) => lead.id === ids.never.leadId)).toMatchObject({ source: null, owner: null });
    expect(JSON.stringify(page)).not.toMatch(/passwordHash|accessToken/);
  });

  it("filters by stages, owner (id, me, none), channel, source, text and last-contact range", async () => {
    expect(await listIds("?status=QUALIFIED,WON")).toEqual(leadIds("maria", "zoe", "sofiaIg"));
    expect(await listIds(`?ownerId=${users[REP_B.email]}`)).toEqual(leadIds("sofiaWa", "maria", "zoe"));
    expect(await listIds("?ownerId=me", ritaCookie)).toEqual(leadIds("ana"));
    expect(await listIds("?ownerId=none")).toEqual(leadIds("joao", "sofiaIg", "dupPhone", "never"));
    expect(await listIds("?channel=WHATSAPP")).toEqual(leadIds("sofiaWa", "maria", "joao", "dupPhone"));
    expect(await listIds("?source=ad")).toEqual(leadIds("ana", "sofiaIg"));
    expect(await listIds("?source=organic")).toEqual(leadIds("sofiaWa", "maria", "joao", "zoe", "dupPhone", "never"));
    expect(await listIds("?q=ana%20cos")).toEqual(leadIds("ana"));
    expect(await listIds("?q=%40zoe_sh")).toEqual(leadIds("zoe"));
    expect(await listIds(`?q=${encodeURIComponent("+351 934-000")}`)).toEqual(leadIds("joao"));
    const from = new Date(T0 + 20 * MINUTE).toISOString();
    const to = new Date(T0 + 40 * MINUTE).toISOString();
    expect(await listIds(`?lastContactFrom=${from}&lastContactTo=${to}`)).toEqual(leadIds("maria", "joao", "zoe"));
    expect(await listIds("?status=WON&channel=WHATSAPP")).toEqual([]);
  });

  it("sorts by value and by creation, and pages every sort with cursors without skipping or repeating", async () => {
    const byValue = await listIds("?sort=value");
    expect(byValue.slice(0, 5)).toEqual(leadIds("zoe", "sofiaIg", "ana", "maria", "never"));
    expect(new Set(byValue.slice(5))).toEqual(new Set(leadIds("joao", "sofiaWa", "dupPhone")));
    expect(await listIds("?sort=createdAt")).toEqual(leadIds("dupPhone", "sofiaWa", "never", "zoe", "joao", "maria", "ana", "sofiaIg"));
    for (const sort of ["lastContactAt", "value", "createdAt"]) {
      const all = await listIds(`?sort=${sort}&limit=100`);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`?sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
        paged.push(...page.leads.map((lead) => lead.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged, sort).toEqual(all);
      expect(all).toHaveLength(8);
    }
  });

  it("refuses bad queries with 4xx and the error shape", async () => {
    for (const [query, status] of [
      ["?status=BOGUS", 422],
      ["?status=NEW,", 200],
      ["?sort=name", 422],
      ["?limit=0", 422],
      ["?limit=abc", 422],
      ["?source=tv", 422],
      ["?channel=FAX", 422],
      ["?lastContactFrom=yesterday", 422],
      ["?cursor=not-a-cursor", 400],
      [`?q=${"x".repeat(101)}`, 422],
    ] as const) {
      const res = await api("GET", `/api/leads${query}`);
      expect(res.status, query).toBe(status);
      if (status !== 200) expect(res.body.error, query).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    const { nextCursor } = await list("?sort=value&limit=1");
    expect((await api("GET", `/api/leads?sort=createdAt&cursor=${nextCursor}`)).status).toBe(400);
    expect((await api("GET", "/api/leads/no-such-lead")).status).toBe(404);
    expect((await callApi(app.url, "", "GET", "/api/leads")).status).toBe(401);
  });

  it("PATCH stamps statusChangedAt, wonAt on WON, keeps a lost reason, and is audited", async () => {
    const path = `/api/leads/${ids.joao.leadId}`;
    const won = await api("PATCH", path, { status: "WON", value: 150050, currency: "USD", name: "João P." });
    expect(won.status, won.text).toBe(200);
    expect(won.body.lead).toMatchObject({ status: "WON", value: 150050, currency: "USD", name: "João P." });
    expect(won.body.lead.wonAt).toBeTruthy();
    expect(won.body.lead.statusChangedAt).toBeTruthy();
    const lost = await api("PATCH", path, { status: "LOST", lostReason: "Bought elsewhere" });
    expect(lost.body.lead).toMatchObject({ status: "LOST", wonAt: null, lostReason: "Bought elsewhere" });
    const renamed = await api("PATCH", path, { name: "" });
    expect(renamed.body.lead.name).toBe("João Pereira");
    const owner = await api("PATCH", path, { ownerId: users[REP_A.email] });
    expect(owner.body.lead.owner).toEqual({ id: users[REP_A.email], name: REP_A.name });
    expect(await countRows(app, "AuditLog", "action = ? AND target = ?", ["lead.update", ids.joao.leadId])).toBe(4);
    await api("PATCH", path, { status: "CONTACTED", ownerId: null, value: null, currency: "EUR" });
  });

  it("PATCH refuses bad bodies with 4xx and changes nothing", async () => {
    const path = `/api/leads/${ids.ana.leadId}`;
    const before = await db.lead.findUniqueOrThrow({ where: { id: ids.ana.leadId } });
    for (const body of [
      "{not json",
      {},
      { status: "DONE" },
      { value: -1 },
      { value: 10.5 },
      { value: "100" },
      { currency: "eu" },
      { ownerId: "nobody-has-this-id" },
      { surprise: true },
      { name: "x".repeat(201) },
    ]) {
      const res = await api("PATCH", path, body);
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(body)).toBeLessThan(500);
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    const after = await db.lead.findUniqueOrThrow({ where: { id: ids.ana.leadId } });
    expect(after).toEqual(before);
    expect((await api("PATCH", "/api/leads/no-such-lead", { status: "WON" })).status).toBe(404);
  });

  it("a PATCH is announced on the live stream, so teammates' boards move", async () => {
    const stream = await openSse(`${app.url}/api/inbox/events`, brunoCookie);
    try {
      const patched = await api("PATCH", `/api/leads/${ids.maria.leadId}`, { status: "WON" });
      expect(patched.status).toBe(200);
      expect(await stream.next((event) => (event as { type?: string }).type === "lead.updated", 10_000)).toEqual({ type: "lead.updated", leadId: ids.maria.leadId });
    } finally {
      stream.close();
    }
    await api("PATCH", `/api/leads/${ids.maria.leadId}`, { status: "QUALIFIED" });
  });

  it("the board gives each stage its count, value totals and first cards", async () => {
    const res = await api("GET", "/api/leads/board");
    expect(res.status).toBe(200);
    const columns = res.body.columns as { status: string; count: number; totals: { currency: string; value: number }[]; leads: { id: string }[] }[];
    expect(columns.map((column) => column.status)).toEqual(["NEW", "CONTACTED", "QUALIFIED", "WON", "LOST"]);
    const byStatus = Object.fromEntries(columns.map((column) => [column.status, column]));
    expect(byStatus.NEW.count).toBe(3);
    expect(byStatus.NEW.totals).toEqual([{ currency: "EUR", value: 120500 }]);
    expect(byStatus.QUALIFIED.leads.map((lead) => lead.id)).toEqual(leadIds("maria", "sofiaIg"));
    expect(byStatus.WON.totals).toEqual([{ currency: "EUR", value: 990000 }]);
    const filtered = await api("GET", "/api/leads/board?channel=WHATSAPP");
    expect(filtered.body.columns.map((column: { count: number }) => column.count)).toEqual([1, 2, 1, 0, 0]);
  });

  it("suggests likely duplicates by phone and by name across channels, without merging", async () => {
    const res = await api("GET", `/api/leads/${ids.sofiaIg.leadId}/duplicates`);
    expect(res.status).toBe(200);
    expect(res.body.duplicates).toEqual([expect.objectContaining({ lead: expect.objectContaining({ id: ids.sofiaWa.leadId }), reasons: ["name"] })]);
    const byPhone = await api("GET", `/api/leads/${ids.maria.leadId}/duplicates`);
    expect(byPhone.body.duplicates).toEqual([]);
    await db.contact.update({ where: { id: ids.dupPhone.contactId }, data: { whatsappId: "351912345678" } });
    const afterPhone = await api("GET", `/api/leads/${ids.maria.leadId}/duplicates`);
    expect(afterPhone.body.duplicates.map((entry: { lead: { id: string }; reasons: string[] }) => [entry.lead.id, entry.reasons])).toEqual([[ids.dupPhone.leadId, ["phone"]]]);
    expect(await countRows(app, "Lead")).toBe(8);
  });

  it("merges one lead into another: contacts, conversations, notes and logs move; the later stage and the first touch's source stay; the other id 404s", async () => {
    await db.leadNote.create({ data: { leadId: ids.sofiaWa.leadId, body: "Asked about delivery to Milan" } });
    await db.communicationLog.create({ data: { leadId: ids.sofiaWa.leadId, contactId: ids.sofiaWa.contactId, channel: "WHATSAPP", direction: "INBOUND", kind: "inbound_message", summary: "hi" } });
    const res = await api("POST", `/api/leads/${ids.sofiaIg.leadId}/merge`, { leadId: ids.sofiaWa.leadId });
    expect(res.status, res.text).toBe(200);
    const lead = res.body.lead;
    expect(lead).toMatchObject({
      id: ids.sofiaIg.leadId,
      status: "QUALIFIED",
      value: 250000,
      owner: { id: users[REP_B.email] },
      source: { kind: "ad", headline: "Oak table" },
      lastContactAt: new Date(T0 + 60 * MINUTE).toISOString(),
      lastContactChannel: "WHATSAPP",
    });
    expect(lead.contacts.map((contact: { id: string }) => contact.id).sort()).toEqual([ids.sofiaIg.contactId, ids.sofiaWa.contactId].sort());
    expect(lead.conversations.map((conversation: { id: string }) => conversation.id).sort()).toEqual([ids.sofiaIg.conversationId, ids.sofiaWa.conversationId].sort());
    expect(await countRows(app, "LeadNote", `"leadId" = ?`, [ids.sofiaIg.leadId])).toBe(1);
    expect(await countRows(app, "CommunicationLog", `"leadId" = ?`, [ids.sofiaIg.leadId])).toBe(1);
    expect(await countRows(app, "Conversation", `"leadId" = ?`, [ids.sofiaIg.leadId])).toBe(2);
    expect((await api("GET", `/api/leads/${ids.sofiaWa.leadId}`)).status).toBe(404);
    expect((await api("PATCH", `/api/leads/${ids.sofiaWa.leadId}`, { status: "WON" })).status).toBe(404);
    expect((await api("POST", `/api/leads/${ids.sofiaIg.leadId}/merge`, { leadId: ids.sofiaWa.leadId })).status).toBe(404);
    const conversation = await api("GET", `/api/inbox/conversations/${ids.sofiaWa.conversationId}`);
    expect(conversation.body.conversation.leadId).toBe(ids.sofiaIg.leadId);
    expect(await countRows(app, "AuditLog", "action = ? AND target = ?", ["lead.merge", ids.sofiaIg.leadId])).toBe(1);
  });

  it("splits a contact back out into a lead of its own, with its conversation", async () => {
    const res = await api("POST", `/api/leads/${ids.sofiaIg.leadId}/split`, { contactId: ids.sofiaWa.contactId });
    expect(res.status, res.text).toBe(200);
    expect(res.body.lead.contacts.map((contact: { id: string }) => contact.id)).toEqual([ids.sofiaIg.contactId]);
    expect(res.body.lead).toMatchObject({ lastContactAt: new Date(T0 + 10 * MINUTE).toISOString(), lastContactChannel: "INSTAGRAM", source: { kind: "ad" } });
    const split = res.body.newLead;
    expect(split.id).not.toBe(ids.sofiaIg.leadId);
    expect(split).toMatchObject({ status: "QUALIFIED", contacts: [{ id: ids.sofiaWa.contactId }], conversations: [{ id: ids.sofiaWa.conversationId }], lastContactChannel: "WHATSAPP" });
    expect((await api("GET", `/api/inbox/conversations/${ids.sofiaWa.conversationId}`)).body.conversation.leadId).toBe(split.id);
    expect(await countRows(app, "AuditLog", "action = ?", ["lead.split"])).toBe(1);
    ids.sofiaWa = { ...ids.sofiaWa, leadId: split.id };
  });

  it("refuses merges and splits that make no sense, changing nothing", async () => {
    const leads = await countRows(app, "Lead");
    for (const [path, body, status] of [
      [`/api/leads/${ids.ana.leadId}/merge`, { leadId: ids.ana.leadId }, 422],
      [`/api/leads/${ids.ana.leadId}/merge`, { leadId: "no-such-lead" }, 404],
      [`/api/leads/no-such-lead/merge`, { leadId: ids.ana.leadId }, 404],
      [`/api/leads/${ids.ana.leadId}/merge`, {}, 422],
      [`/api/leads/${ids.ana.leadId}/merge`, { leadId: ids.maria.leadId, status: "DONE" }, 422],
      [`/api/leads/${ids.ana.leadId}/split`, { contactId: ids.ana.contactId }, 409],
      [`/api/leads/${ids.ana.leadId}/split`, { contactId: ids.maria.contactId }, 422],
      [`/api/leads/${ids.ana.leadId}/split`, { contactId: 7 }, 422],
    ] as const) {
      const res = await api("POST", path, body);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(status);
      expect(res.body.error.code).toEqual(expect.any(String));
    }
    expect(await countRows(app, "Lead")).toBe(leads);
  });

  it("a merge keeps the stage the user chose", async () => {
    const res = await api("POST", `/api/leads/${ids.sofiaIg.leadId}/merge`, { leadId: ids.sofiaWa.leadId, status: "NEW" });
    expect(res.body.lead.status).toBe("NEW");
    expect(res.body.lead.contacts).toHaveLength(2);
  });

  it("exports the current filter as CSV, streamed, with customer text kept from running as formulas", async () => {
    const res = await fetch(`${app.url}/api/leads/export?status=NEW,WON&sort=value`, { headers: { cookie: admin } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = (await res.text()).replace(/^\uFEFF/, "");
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,name,status,value,currency,owner,last_contact_at,last_contact_channel,channels,usernames,phones,source,source_channel,source_headline,source_ad_id,source_url,created_at,won_at,lost_reason,labels");
    const expected = (await listIds("?status=NEW,WON&sort=value&limit=200"));
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(expected);
    expect(text).toContain(`${ids.zoe.leadId},"Zoe ""Quote"", Ltd",WON,9900.00,EUR,Bruno Rep,`);
    expect(text).toContain(`${ids.never.leadId},'=Silent Sam,NEW,5.00,EUR,,,,INSTAGRAM,sam,`);
    expect(text).toContain("Blue sofa -30%");
    const none = await fetch(`${app.url}/api/leads/export?status=LOST`, { headers: { cookie: admin } });
    expect((await none.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n")).toHaveLength(1);
    const bad = await fetch(`${app.url}/api/leads/export?status=NOPE`, { headers: { cookie: admin } });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.code).toBe("VALIDATION_FAILED");
  });

  it("bulk assigns and moves the selected leads", async () => {
    const res = await api("POST", "/api/leads/bulk", { ids: leadIds("joao", "dupPhone"), status: "CONTACTED", ownerId: users[REP_A.email] });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ updated: 2 });
    expect(await listIds(`?ownerId=${users[REP_A.email]}&status=CONTACTED`)).toEqual(leadIds("joao", "dupPhone"));
    expect((await api("POST", "/api/leads/bulk", { ids: [] })).status).toBe(422);
    expect((await api("POST", "/api/leads/bulk", { ids: leadIds("joao") })).status).toBe(422);
  });

  describe("with agents limited to their own and unassigned leads", () => {
    beforeAll(async () => {
      await db.teamSettings.upsert({ where: { id: "team" }, create: { id: "team", agentVisibility: "OWN_AND_UNASSIGNED" }, update: { agentVisibility: "OWN_AND_UNASSIGNED" } });
      // The app caches the setting for a few seconds: wait until it applies it.
      await waitFor(async () => !(await listIds("?limit=100", ritaCookie)).includes(ids.maria.leadId), "visibility setting applied", 15_000);
    });
    afterAll(async () => {
      await db.teamSettings.update({ where: { id: "team" }, data: { agentVisibility: "ALL" } });
    });

    it("an agent lists, boards and exports only their own leads, unowned ones and those with a conversation assigned to them", async () => {
      const visible = await listIds("?limit=100", ritaCookie);
      // Rita owns Ana, João and dupPhone (bulk); Zoe is Bruno's, but its conversation is assigned to her.
      const expectedVisible = (await db.lead.findMany({
        where: { OR: [{ ownerId: users[REP_A.email] }, { ownerId: null }, { conversations: { some: { assigneeId: users[REP_A.email] } } }] },
        select: { id: true },
      })).map((lead) => lead.id);
      expect(new Set(visible)).toEqual(new Set(expectedVisible));
      expect(visible).toContain(ids.zoe.leadId);
      expect(visible).not.toContain(ids.maria.leadId);
      const board = await api("GET", "/api/leads/board", undefined, ritaCookie);
      const boardTotal = board.body.columns.reduce((sum: number, column: { count: number }) => sum + column.count, 0);
      expect(boardTotal).toBe(visible.length);
      const csv = await (await fetch(`${app.url}/api/leads/export`, { headers: { cookie: ritaCookie } })).text();
      expect(csv).not.toContain(ids.maria.leadId);
      expect(csv.trimEnd().split("\r\n")).toHaveLength(visible.length + 1);
      expect((await listIds("?limit=100")).length).toBeGreaterThan(visible.length);
    });

    it("another rep's lead answers 404 to every route, and nothing changes", async () => {
      const maria = ids.maria.leadId;
      const before = await db.lead.findUniqueOrThrow({ where: { id: maria } });
      expect((await api("GET", `/api/leads/${maria}`, undefined, ritaCookie)).status).toBe(404);
      expect((await api("PATCH", `/api/leads/${maria}`, { status: "WON" }, ritaCookie)).status).toBe(404);
      expect((await api("POST", `/api/leads/${maria}/merge`, { leadId: ids.ana.leadId }, ritaCookie)).status).toBe(404);
      expect((await api("POST", `/api/leads/${ids.ana.leadId}/merge`, { leadId: maria }, ritaCookie)).status).toBe(404);
      expect((await api("POST", `/api/leads/${maria}/split`, { contactId: ids.maria.contactId }, ritaCookie)).status).toBe(404);
      expect((await api("GET", `/api/leads/${maria}/duplicates`, undefined, ritaCookie)).status).toBe(404);
      expect((await api("POST", "/api/leads/bulk", { ids: [maria], status: "LOST" }, ritaCookie)).body).toEqual({ updated: 0 });
      expect(await db.lead.findUniqueOrThrow({ where: { id: maria } })).toEqual(before);
      expect((await api("GET", `/api/leads/${maria}`, undefined, brunoCookie)).status).toBe(200);
      expect((await api("GET", `/api/leads/${maria}`)).status).toBe(200);
    });
  });
});
