import { createDbClient } from "@/lib/db-client";
import { databaseProvider } from "@/lib/db-provider";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/** One Prisma client per process, kept on globalThis so dev-mode reloads don't open more. */
const globalForDb = globalThis as unknown as { inboxDb?: PrismaClient };

export const db = globalForDb.inboxDb ?? createDbClient(env.DATABASE_URL);
globalForDb.inboxDb = db;

export type Db = typeof db;

/** For the few raw SQL statements that differ per database (conversation search). */
export const dbProvider = databaseProvider(env.DATABASE_URL);

/**
 * How many write transactions are worth running at once. SQLite has one writer: parallel
 * background transactions only queue on its single connection, in front of the inserts that
 * acknowledge webhooks (measured: 221 events/s acknowledged with 4 at once, 575 with 1).
 * PostgreSQL runs them side by side.
 */
export const writeConcurrency = dbProvider === "sqlite" ? 1 : 4;

/**
 * Whether inserts can skip rows that already exist (`skipDuplicates`, ON CONFLICT DO NOTHING):
 * PostgreSQL yes, SQLite not through Prisma. Only needed where writers race, which on SQLite's one
 * connection they never do.
 */
export const canSkipDuplicates = dbProvider === "postgresql";
