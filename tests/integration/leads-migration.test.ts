// The leads migration (issue 20) on a database that already has rows: built at the migration before
// it, filled as the app of that time wrote (one lead per contact, Lead.contactId), then migrated with
// the real migrator. Every contact keeps its lead, conversations get their contact's lead, notes,
// logs and messages stay attached, and a contact that never had a lead gets one. SQLite always;
// PostgreSQL with TEST_POSTGRES_URL.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDbClient } from "@/lib/db-client";
import { migrationsDirectory, runMigrations } from "@/lib/db-migrate";
import { createTestDatabase, describeWithPostgres, type TestDatabase } from "../helpers/postgres";

const FIRST_LEADS_MIGRATION = "20261204142000_leads_people";
const AT = "2026-11-30T09:00:00.000+00:00";

type Run = (sql: string, ...params: unknown[]) => Promise<void>;

/** The migrations before the leads change, copied apart so the database can stop there. */
function migrationsBefore(url: string, cleanups: Array<() => void>): string {
  const all = migrationsDirectory(url);
  const directory = mkdtempSync(path.join(tmpdir(), "leads-migration-"));
  cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
  const subset = path.join(directory, "before");
  mkdirSync(subset);
  for (const name of readdirSync(all).filter((entry) => entry < FIRST_LEADS_MIGRATION && /^\d/.test(entry))) {
    cpSync(path.join(all, name), path.join(subset, name), { recursive: true });
  }
  return subset;
}

/** Rows as the app wrote them before: Lead.contactId, no Contact.leadId, no Conversation.leadId. */
async function seedOldRows(run: Run) {
  await run(`INSERT INTO "User" ("id","name","email","passwordHash","role","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?)`, "u-rep", "Rita Rep", "rita@example.com", "x", "AGENT", AT, AT);
  const contact = (id: string, channel: string, externalId: string, name: string | null) =>
    run(`INSERT INTO "Contact" ("id","channel","externalId","displayName","whatsappId","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?)`,
      id, channel, externalId, name, channel === "WHATSAPP" ? externalId : null, AT, AT);
  await contact("ct-sofia-ig", "INSTAGRAM", "17000000000000001", "Sofia Lima");
  await contact("ct-sofia-wa", "WHATSAPP", "351910000001", "Sofia");
  await contact("ct-leadless", "INSTAGRAM", "17000000000000002", null);
  await run(`INSERT INTO "Lead" ("id","contactId","status","ownerId","lastContactAt","lastContactChannel","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?)`,
    "ld-sofia-ig", "ct-sofia-ig", "QUALIFIED", "u-rep", AT, "INSTAGRAM", AT, AT);
  await run(`INSERT INTO "Lead" ("id","contactId","status","createdAt","updatedAt") VALUES (?,?,?,?,?)`, "ld-sofia-wa", "ct-sofia-wa", "WON", AT, AT);
  const conversation = (id: string, channel: string, account: string, contactId: string) =>
    run(`INSERT INTO "Conversation" ("id","channel","businessAccountId","contactId","unreadCount","lastMessageAt","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?)`,
      id, channel, account, contactId, 2, AT, AT, AT);
  await conversation("cv-ig-1", "INSTAGRAM", "acct-1", "ct-sofia-ig");
  await conversation("cv-ig-2", "INSTAGRAM", "acct-2", "ct-sofia-ig");
  await conversation("cv-wa", "WHATSAPP", "phone-1", "ct-sofia-wa");
  await conversation("cv-leadless", "INSTAGRAM", "acct-1", "ct-leadless");
  await run(`INSERT INTO "Message" ("id","conversationId","channel","direction","externalId","text","status","sentAt","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?,?,?)`,
    "m-1", "cv-ig-1", "INSTAGRAM", "INBOUND", "mid.1", "Is the linen sofa in stock?", "DELIVERED", AT, AT, AT);
  await run(`INSERT INTO "LeadNote" ("id","leadId","authorId","body","createdAt") VALUES (?,?,?,?,?)`, "n-1", "ld-sofia-ig", "u-rep", "Wants delivery in May", AT);
  await run(`INSERT INTO "CommunicationLog" ("id","channel","direction","contactId","leadId","messageId","kind","summary","createdAt") VALUES (?,?,?,?,?,?,?,?,?)`,
    "log-1", "INSTAGRAM", "INBOUND", "ct-sofia-ig", "ld-sofia-ig", "m-1", "inbound_message", "Received: Is the linen sofa in stock?", AT);
}

async function expectMigrated(url: string) {
  const db = createDbClient(url);
  try {
    const contacts = await db.contact.findMany({ orderBy: { id: "asc" }, select: { id: true, leadId: true, bsuid: true, whatsappUsername: true } });
    expect(contacts).toEqual([
      { id: "ct-leadless", leadId: "lead_ct-leadless", bsuid: null, whatsappUsername: null },
      { id: "ct-sofia-ig", leadId: "ld-sofia-ig", bsuid: null, whatsappUsername: null },
      { id: "ct-sofia-wa", leadId: "ld-sofia-wa", bsuid: null, whatsappUsername: null },
    ]);
    const conversations = await db.conversation.findMany({ orderBy: { id: "asc" }, select: { id: true, leadId: true, unreadCount: true } });
    expect(conversations).toEqual([
      { id: "cv-ig-1", leadId: "ld-sofia-ig", unreadCount: 2 },
      { id: "cv-ig-2", leadId: "ld-sofia-ig", unreadCount: 2 },
      { id: "cv-leadless", leadId: "lead_ct-leadless", unreadCount: 2 },
      { id: "cv-wa", leadId: "ld-sofia-wa", unreadCount: 2 },
    ]);
    const sofia = await db.lead.findUniqueOrThrow({
      where: { id: "ld-sofia-ig" },
      include: { contacts: { select: { id: true } }, notes: { select: { body: true } }, communicationLogs: { select: { id: true } }, owner: { select: { name: true } } },
    });
    expect(sofia).toMatchObject({
      status: "QUALIFIED",
      name: null,
      value: null,
      currency: "EUR",
      sourceKind: null,
      sourceChannel: null,
      lastContactChannel: "INSTAGRAM",
      owner: { name: "Rita Rep" },
      contacts: [{ id: "ct-sofia-ig" }],
      notes: [{ body: "Wants delivery in May" }],
      communicationLogs: [{ id: "log-1" }],
    });
    expect(sofia.lastContactAt?.toISOString()).toBe("2026-11-30T09:00:00.000Z");
    expect(await db.lead.findUniqueOrThrow({ where: { id: "ld-sofia-wa" } })).toMatchObject({ status: "WON", name: null, sourceKind: null });
    expect(await db.lead.findUniqueOrThrow({ where: { id: "lead_ct-leadless" } })).toMatchObject({ status: "NEW", name: null, ownerId: null });
    expect(await db.lead.count()).toBe(3);
    expect(await db.message.findUniqueOrThrow({ where: { id: "m-1" } })).toMatchObject({ conversationId: "cv-ig-1", referral: null });
    expect(await db.teamSettings.count()).toBe(0);
  } finally {
    await db.$disconnect();
  }
}

describe("leads migration on SQLite", () => {
  const cleanups: Array<() => void> = [];
  afterAll(() => cleanups.splice(0).reverse().forEach((cleanup) => cleanup()));

  it("moves every contact's lead, gives conversations their lead, keeps notes, logs and messages", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "leads-migration-db-"));
    cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
    const url = `file:${path.join(directory, "inbox.db")}`;
    await runMigrations(url, migrationsBefore(url, cleanups));
    const database = new Database(url.slice(5));
    await seedOldRows(async (sql, ...params) => void database.prepare(sql).run(...params));
    database.close();

    const report = await runMigrations(url);
    expect(report.applied).toEqual(expect.arrayContaining([FIRST_LEADS_MIGRATION, "20261204142100_leads_people_required"]));
    await expectMigrated(url);
  });
});

describeWithPostgres("leads migration on PostgreSQL", () => {
  let database: TestDatabase | undefined;
  const cleanups: Array<() => void> = [];
  afterAll(async () => {
    cleanups.splice(0).reverse().forEach((cleanup) => cleanup());
    await database?.drop();
  });

  it("moves every contact's lead, gives conversations their lead, keeps notes, logs and messages", async () => {
    database = await createTestDatabase();
    await runMigrations(database.url, migrationsBefore(database.url, cleanups));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await seedOldRows(async (sql, ...params) => {
        let index = 0;
        await client.query(sql.replace(/\?/g, () => `$${++index}`), params);
      });
    } finally {
      await client.end();
    }

    const report = await runMigrations(database.url);
    expect(report.applied).toEqual(expect.arrayContaining([FIRST_LEADS_MIGRATION, "20261204142100_leads_people_required"]));
    await expectMigrated(database.url);
  });
});
