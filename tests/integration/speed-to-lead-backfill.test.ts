// The speed-to-lead backfill (migration 20261204185300) on a database that already has history:
// built up to the migration before it, filled with conversations in every state, then migrated
// with the real migrator. No app: the migration is the unit. SQLite always; PostgreSQL with
// TEST_POSTGRES_URL.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDbClient } from "@/lib/db-client";
import { migrationsDirectory, runMigrations } from "@/lib/db-migrate";
import { createTestDatabase, describeWithPostgres, type TestDatabase } from "../helpers/postgres";

const BACKFILL = "20261204185300_speed_to_lead_backfill";
const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, minute));

function migrationsBefore(url: string, cleanups: Array<() => void>): string {
  const all = migrationsDirectory(url);
  const directory = mkdtempSync(path.join(tmpdir(), "speed-backfill-"));
  cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
  const subset = path.join(directory, "before");
  mkdirSync(subset);
  for (const name of readdirSync(all).filter((entry) => entry < BACKFILL && /^\d/.test(entry))) cpSync(path.join(all, name), path.join(subset, name), { recursive: true });
  return subset;
}

type Message = { direction: "INBOUND" | "OUTBOUND"; minute: number; status?: "SENT" | "FAILED" | "READ"; sentById?: string; automatic?: boolean };

async function seed(url: string) {
  const db = createDbClient(url);
  try {
    await db.user.create({ data: { id: "u-rep", name: "Rita Rep", email: "rita@example.com", passwordHash: "x" } });
    const conversation = async (id: string, messages: Message[]) => {
      await db.lead.create({ data: { id: `lead-${id}` } });
      await db.contact.create({ data: { id: `ct-${id}`, channel: "INSTAGRAM", externalId: `ext-${id}`, leadId: `lead-${id}` } });
      await db.conversation.create({ data: { id, channel: "INSTAGRAM", businessAccountId: "acct", contactId: `ct-${id}`, leadId: `lead-${id}` } });
      for (const [index, message] of messages.entries()) {
        await db.message.create({
          data: {
            conversationId: id, channel: "INSTAGRAM", direction: message.direction, externalId: `${id}-${index}`, sentAt: at(message.minute),
            status: message.status ?? (message.direction === "INBOUND" ? "READ" : "SENT"), sentById: message.sentById ?? null, automatic: message.automatic ?? false,
          },
        });
      }
    };
    await conversation("cv-waiting", [
      { direction: "INBOUND", minute: 0 },
      { direction: "OUTBOUND", minute: 10, sentById: "u-rep" },
      { direction: "INBOUND", minute: 20 },
      { direction: "INBOUND", minute: 25 },
    ]);
    await conversation("cv-echo-answered", [{ direction: "INBOUND", minute: 0 }, { direction: "OUTBOUND", minute: 5 }]);
    await conversation("cv-away-only", [{ direction: "INBOUND", minute: 0 }, { direction: "OUTBOUND", minute: 0, automatic: true }]);
    await conversation("cv-failed-reply", [{ direction: "INBOUND", minute: 0 }, { direction: "OUTBOUND", minute: 1, status: "FAILED", sentById: "u-rep" }]);
    await conversation("cv-empty", []);
  } finally {
    await db.$disconnect();
  }
}

async function expectBackfilled(url: string) {
  const db = createDbClient(url);
  try {
    const rows = await db.conversation.findMany({
      orderBy: { id: "asc" },
      select: { id: true, firstInboundAt: true, waitingSince: true, firstResponseAt: true, firstResponseSeconds: true, firstResponseById: true },
    });
    expect(rows).toEqual([
      { id: "cv-away-only", firstInboundAt: at(0), waitingSince: at(0), firstResponseAt: null, firstResponseSeconds: null, firstResponseById: null },
      { id: "cv-echo-answered", firstInboundAt: at(0), waitingSince: null, firstResponseAt: at(5), firstResponseSeconds: 300, firstResponseById: null },
      { id: "cv-empty", firstInboundAt: null, waitingSince: null, firstResponseAt: null, firstResponseSeconds: null, firstResponseById: null },
      { id: "cv-failed-reply", firstInboundAt: at(0), waitingSince: at(0), firstResponseAt: null, firstResponseSeconds: null, firstResponseById: null },
      { id: "cv-waiting", firstInboundAt: at(0), waitingSince: at(20), firstResponseAt: at(10), firstResponseSeconds: 600, firstResponseById: "u-rep" },
    ]);
  } finally {
    await db.$disconnect();
  }
}

describe("speed-to-lead backfill on SQLite", () => {
  const cleanups: Array<() => void> = [];
  afterAll(() => cleanups.splice(0).reverse().forEach((cleanup) => cleanup()));

  it("fills first inbound, the running wait and the first response from the history", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "speed-backfill-db-"));
    cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
    const url = `file:${path.join(directory, "inbox.db")}`;
    await runMigrations(url, migrationsBefore(url, cleanups));
    await seed(url);
    expect((await runMigrations(url)).applied).toContain(BACKFILL);
    await expectBackfilled(url);
  });
});

describeWithPostgres("speed-to-lead backfill on PostgreSQL", () => {
  let database: TestDatabase | undefined;
  const cleanups: Array<() => void> = [];
  afterAll(async () => {
    cleanups.splice(0).reverse().forEach((cleanup) => cleanup());
    await database?.drop();
  });

  it("fills first inbound, the running wait and the first response from the history", async () => {
    database = await createTestDatabase();
    await runMigrations(database.url, migrationsBefore(database.url, cleanups));
    await seed(database.url);
    expect((await runMigrations(database.url)).applied).toContain(BACKFILL);
    await expectBackfilled(database.url);
  });
});
