import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseProvider, sqliteFilePath } from "@/lib/db-provider";
import { env } from "@/lib/env";

/**
 * One Prisma client per process (kept on globalThis so dev-mode reloads don't open more).
 * SQLite runs in WAL mode (set by the migrator, persistent in the file) with synchronous=NORMAL per
 * connection: ~60x the commit rate of the default journal, see ../shared/STACK.md.
 */
class TunedSQLiteAdapterFactory extends PrismaBetterSQLite3 {
  async connect() {
    const adapter = await super.connect();
    await adapter.executeScript("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    return adapter;
  }
}

function createAdapter() {
  if (databaseProvider(env.DATABASE_URL) === "postgresql") {
    throw new Error("DATABASE_URL: PostgreSQL is not supported by this build yet");
  }
  const file = sqliteFilePath(env.DATABASE_URL);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new TunedSQLiteAdapterFactory({ url: env.DATABASE_URL, timeout: 5_000 });
}

function createClient() {
  return new PrismaClient({ adapter: createAdapter() });
}

const globalForDb = globalThis as unknown as { inboxDb?: ReturnType<typeof createClient> };

export const db = globalForDb.inboxDb ?? createClient();
globalForDb.inboxDb = db;

export type Db = typeof db;
