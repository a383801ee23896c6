import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbClient } from "@/lib/db-client";
import { isTransactionConflict, isUniqueViolation } from "@/lib/db-errors";
import { runMigrations } from "@/lib/db-migrate";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from "@/tests/helpers/postgres";

/**
 * The same client API and the same errors on both databases: the ingest pipeline relies on the
 * (channel, externalId) unique constraint surfacing as P2002 to store a redelivered message once.
 */

interface Target {
  url: string;
  close(): Promise<void>;
}

async function sqliteTarget(): Promise<Target> {
  const directory = mkdtempSync(path.join(tmpdir(), "db-client-"));
  return { url: `file:${path.join(directory, "inbox.db")}`, close: async () => rmSync(directory, { recursive: true, force: true }) };
}

async function postgresTarget(): Promise<Target> {
  const database: TestDatabase = await createTestDatabase();
  return { url: database.url, close: () => database.drop() };
}

async function seedConversation(db: PrismaClient) {
  const contact = await db.contact.create({ data: { channel: "INSTAGRAM", externalId: "igsid-1", displayName: "Zoë", lead: { create: {} } } });
  return db.conversation.create({
    data: { channel: "INSTAGRAM", businessAccountId: "page-1", contactId: contact.id, leadId: contact.leadId },
  });
}

function inboundMessage(conversationId: string) {
  return {
    conversationId,
    channel: "INSTAGRAM" as const,
    direction: "INBOUND" as const,
    externalId: "mid.duplicate",
    text: "Hello 👋",
    attachments: [{ type: "image", url: "https://example.com/a.jpg" }],
  };
}

const targets: [string, () => Promise<Target>, boolean][] = [
  ["SQLite", sqliteTarget, true],
  ["PostgreSQL (needs TEST_POSTGRES_URL)", postgresTarget, Boolean(TEST_POSTGRES_URL)],
];

describe.each(targets)("Prisma client on %s", (_name, open, available) => {
  let target: Target;
  const clients: PrismaClient[] = [];
  let conversationId: string;

  beforeAll(async () => {
    if (!available) return;
    target = await open();
    await runMigrations(target.url);
    clients.push(createDbClient(target.url), createDbClient(target.url));
    conversationId = (await seedConversation(clients[0])).id;
  });
  afterAll(async () => {
    for (const client of clients) await client.$disconnect();
    await target?.close();
  });

  it.skipIf(!available)("round-trips enums, JSON, dates and unicode", async () => {
    const created = await clients[0].message.create({ data: { ...inboundMessage(conversationId), externalId: "mid.roundtrip" } });
    const read = await clients[1].message.findUniqueOrThrow({ where: { id: created.id }, include: { conversation: { include: { contact: true } } } });
    expect(read.text).toBe("Hello 👋");
    expect(read.direction).toBe("INBOUND");
    expect(read.attachments).toEqual([{ type: "image", url: "https://example.com/a.jpg" }]);
    expect(read.sentAt).toBeInstanceOf(Date);
    expect(read.conversation.contact.displayName).toBe("Zoë");
    expect(await clients[0].$queryRawUnsafe("SELECT 1")).toHaveLength(1);
  });

  it.skipIf(!available)("reports a duplicate (channel, externalId) as P2002, an instance of the shared error class", async () => {
    await clients[0].message.create({ data: inboundMessage(conversationId) });
    const error = await clients[1].message.create({ data: inboundMessage(conversationId) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((error as Prisma.PrismaClientKnownRequestError).code).toBe("P2002");
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, { model: "Message", fields: ["channel", "externalId"] })).toBe(true);
    expect(isUniqueViolation(error, { model: "Message" })).toBe(true);
    expect(isUniqueViolation(error, { model: "Message", fields: ["conversationId", "idempotencyKey"] })).toBe(false);
    expect(isUniqueViolation(error, { model: "Contact", fields: ["channel", "externalId"] })).toBe(false);
    expect(isUniqueViolation(new Error("P2002"))).toBe(false);
  });

  it.skipIf(!available)("stores one of 20 concurrent inserts of the same message from two clients", async () => {
    const attempts = Array.from({ length: 20 }, (_, index) =>
      clients[index % 2].message.create({ data: { ...inboundMessage(conversationId), externalId: "mid.race" } }),
    );
    const results = await Promise.allSettled(attempts);
    const rejected = results.filter((result) => result.status === "rejected");
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(rejected.every((result) => isUniqueViolation(result.reason, { model: "Message", fields: ["channel", "externalId"] }))).toBe(true);
    expect(await clients[0].message.count({ where: { externalId: "mid.race" } })).toBe(1);
  });

  it.skipIf(!available)("names the Contact constraint when transactions race to create the same new contact", async () => {
    const results = await Promise.allSettled(
      // One client, as in the app: on PostgreSQL its pool still runs the transactions in parallel.
      Array.from({ length: 6 }, (_, index) =>
        clients[0].$transaction(async (tx) => {
          await tx.contact.upsert({
            where: { channel_externalId: { channel: "INSTAGRAM", externalId: "igsid-new" } },
            create: { channel: "INSTAGRAM", externalId: "igsid-new", lead: { create: {} } },
            update: {},
          });
          await tx.message.create({ data: { ...inboundMessage(conversationId), externalId: `mid.new-${index}` } });
        }),
      ),
    );
    // SQLite runs one write transaction at a time, so only PostgreSQL is expected to collide here.
    for (const result of results) {
      if (result.status === "rejected") {
        expect(isUniqueViolation(result.reason, { model: "Contact", fields: ["channel", "externalId"] })).toBe(true);
        expect(isUniqueViolation(result.reason, { model: "Message" })).toBe(false);
      }
    }
    expect(await clients[0].contact.count({ where: { externalId: "igsid-new" } })).toBe(1);
  });

  it.skipIf(!available || open === sqliteTarget)("reports a deadlock between two transactions as a conflict to run again", async () => {
    const pause = () => new Promise((resolve) => setTimeout(resolve, 200));
    const insert = (tx: Prisma.TransactionClient, externalId: string) =>
      tx.message.createMany({ data: [{ ...inboundMessage(conversationId), externalId }] });
    // Each takes one key, then wants the other's: PostgreSQL's deadlock detector aborts one.
    const results = await Promise.allSettled([
      clients[0].$transaction(async (tx) => {
        await insert(tx, "mid.lock-a");
        await pause();
        await insert(tx, "mid.lock-b");
      }),
      clients[1].$transaction(async (tx) => {
        await insert(tx, "mid.lock-b");
        await pause();
        await insert(tx, "mid.lock-a");
      }),
    ]);
    const rejected = results.filter((result) => result.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(isTransactionConflict(rejected[0].reason)).toBe(true);
    expect(isTransactionConflict(new Error("deadlock detected"))).toBe(false);
  });

  it.skipIf(!available || open !== sqliteTarget)(
    "keeps a bare statement out of the interactive transaction open on SQLite's one connection: it waits, and survives its rollback",
    async () => {
      const insert = (client: Prisma.TransactionClient, id: string) =>
        client.$executeRaw`INSERT INTO "ExternalEventLog" ("id", "source", "rawBody", "signatureValid", "receivedAt") VALUES (${id}, 'instagram', '{}', TRUE, ${new Date()})`;
      const order: string[] = [];
      const started: Array<Promise<unknown>> = [];
      const rolledBack = clients[1].$transaction(async (tx) => {
        await tx.contact.create({ data: { channel: "INSTAGRAM", externalId: "igsid-rolled-back", lead: { create: {} } } });
        // .then(): Prisma's promises only run once awaited.
        started.push(insert(clients[1], "event-bare").then(() => order.push("bare")));
        // A one-statement batch is sent as a bare statement.
        started.push(clients[1].$transaction([insert(clients[1], "event-batch-of-one")]).then(() => order.push("batch")));
        started.push(clients[1].$transaction((own) => insert(own, "event-own")).then(() => order.push("own")));
        // A read from outside does not see the uncommitted contact.
        started.push(
          clients[1].contact.count({ where: { externalId: "igsid-rolled-back" } }).then((count) => order.push(`read ${count}`)),
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
        order.push("rollback");
        throw new Error("ingest failed");
      });
      await expect(rolledBack).rejects.toThrow("ingest failed");
      await Promise.all(started);
      // Every one of them answered only after the rollback, whatever order Prisma sent them in.
      expect(order[0]).toBe("rollback");
      expect(order.slice(1).sort()).toEqual(["bare", "batch", "own", "read 0"]);
      expect(await clients[1].externalEventLog.count({ where: { id: { in: ["event-bare", "event-batch-of-one", "event-own"] } } })).toBe(3);
      expect(await clients[1].contact.count({ where: { externalId: "igsid-rolled-back" } })).toBe(0);
    },
  );

  it.skipIf(!available)("rolls back an interactive transaction that hits the constraint", async () => {
    const outcome = clients[0].$transaction(async (tx) => {
      await tx.contact.create({ data: { channel: "WHATSAPP", externalId: "15550001111", lead: { create: {} } } });
      await tx.message.create({ data: inboundMessage(conversationId) });
    });
    await expect(outcome).rejects.toMatchObject({ code: "P2002" });
    expect(await clients[1].contact.count({ where: { externalId: "15550001111" } })).toBe(0);
  });
});
