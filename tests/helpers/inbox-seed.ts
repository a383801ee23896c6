import { describe } from "vitest";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { TEST_DATABASE, type RunningApp } from "./app";

/**
 * Arranges inbox state straight in the running app's SQLite file (the shape the webhook pipeline
 * writes), for list/search/pagination tests that need many conversations in a known order.
 */

/**
 * Raw SQLite access to the running app's file: bulk seeding 100k rows takes seconds this way, where
 * row-by-row Prisma calls would take minutes. WAL lets the test write while the server runs.
 */
export function openSqlite(app: Pick<RunningApp, "databaseUrl">): Database.Database {
  const database = new Database(app.databaseUrl.replace(/^file:/, ""));
  database.pragma("busy_timeout = 5000");
  return database;
}

/** A DateTime as Prisma stores it in SQLite (ISO text with "+00:00"), so SQL comparisons stay right. */
export function sqliteDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace("Z", "+00:00");
}

// Random bytes drawn 48 KiB at a time: one randomBytes call per id was a tenth of the 100k seed.
let idPool = Buffer.alloc(0);
let idPoolOffset = 0;

/** A random id (random, so tests can't pass by accident on ids that sort in insertion order). */
export function newId(prefix = "c"): string {
  if (idPoolOffset + 12 > idPool.length) {
    idPool = randomBytes(12 * 4096);
    idPoolOffset = 0;
  }
  idPoolOffset += 12;
  return `${prefix}${idPool.toString("hex", idPoolOffset - 12, idPoolOffset)}`;
}

// Customer ids unique within a test process (each test file has its own fresh database).
let seeded = 0;

/**
 * The seed's statements, prepared once per connection: preparing four statements per row was most
 * of the time the 100k-conversation seed took.
 */
const statementsByDatabase = new WeakMap<Database.Database, ReturnType<typeof prepareStatements>>();

function prepareStatements(database: Database.Database) {
  return {
    lead: database.prepare(`INSERT INTO Lead (id, ownerId, status, createdAt, updatedAt) VALUES (?, ?, 'NEW', ?, ?)`),
    contact: database.prepare(
      `INSERT INTO Contact (id, channel, externalId, displayName, instagramId, instagramUsername, whatsappId, leadId, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    conversation: database.prepare(
      `INSERT INTO Conversation (id, channel, businessAccountId, contactId, leadId, status, assigneeId, unreadCount, lastMessageAt,
         lastMessagePreview, lastInboundAt, hidden, createdAt, updatedAt)
       VALUES (?, ?, 'biz', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    message: database.prepare(
      `INSERT INTO Message (id, conversationId, channel, direction, externalId, text, type, status, sentAt, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, 'TEXT', ?, ?, ?, ?)`,
    ),
  };
}

function statements(database: Database.Database) {
  let prepared = statementsByDatabase.get(database);
  if (!prepared) {
    prepared = prepareStatements(database);
    statementsByDatabase.set(database, prepared);
  }
  return prepared;
}

export interface SeedConversation {
  channel?: "INSTAGRAM" | "WHATSAPP";
  name?: string;
  username?: string;
  phone?: string;
  text?: string;
  /** Epoch ms of the last message. */
  at?: number;
  unread?: number;
  status?: "OPEN" | "ARCHIVED";
  assigneeId?: string | null;
  /** Owner of the conversation's lead. */
  leadOwnerId?: string | null;
  hidden?: boolean;
  id?: string;
}

export function seedConversation(database: Database.Database, input: SeedConversation = {}) {
  const channel = input.channel ?? "INSTAGRAM";
  const at = input.at ?? Date.now();
  const contactId = newId("ct");
  const leadId = newId("ld");
  const conversationId = input.id ?? newId("cv");
  seeded += 1;
  const externalId = channel === "WHATSAPP" ? (input.phone ?? `4479${String(seeded).padStart(8, "0")}`) : `9${String(seeded).padStart(15, "0")}`;
  const now = sqliteDate(Date.now());
  const text = input.text ?? "Hello there";
  const insert = statements(database);
  insert.lead.run(leadId, input.leadOwnerId ?? null, now, now);
  insert.contact.run(contactId, channel, externalId, input.name ?? null, channel === "INSTAGRAM" ? externalId : null,
    input.username ?? null, channel === "WHATSAPP" ? externalId : null, leadId, now, now);
  insert.conversation.run(conversationId, channel, contactId, leadId, input.status ?? "OPEN", input.assigneeId ?? null, input.unread ?? 0,
    sqliteDate(at), text.slice(0, 100), sqliteDate(at), input.hidden ? 1 : 0, now, now);
  seedMessage(database, { conversationId, channel, text, at });
  return { conversationId, contactId, leadId, externalId };
}

export function seedMessage(
  database: Database.Database,
  input: {
    conversationId: string;
    channel?: "INSTAGRAM" | "WHATSAPP";
    text?: string | null;
    at?: number;
    direction?: "INBOUND" | "OUTBOUND";
    status?: string;
    id?: string;
  },
) {
  const id = input.id ?? newId("m");
  const now = sqliteDate(Date.now());
  statements(database).message.run(id, input.conversationId, input.channel ?? "INSTAGRAM", input.direction ?? "INBOUND", newId("mid"),
    input.text ?? "Hello", input.status ?? "DELIVERED", sqliteDate(input.at ?? Date.now()), now, now);
  return id;
}


/**
 * These seeds write raw SQLite for speed (100k rows in seconds), so the suites that use them run on
 * SQLite only; the same routes run on PostgreSQL in the pipeline, settings and multi-instance suites.
 */
export const describeOnSqlite = TEST_DATABASE === "sqlite" ? describe : describe.skip;
