import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-pg/client";
import { databaseProvider, sqliteFilePath } from "@/lib/db-provider";
import { oneTransactionAtATime } from "@/lib/sqlite-one-writer";

/**
 * A Prisma client for the database a DATABASE_URL names. Prisma compiles queries per provider, so
 * each database has its own generated client (lib/generated/prisma from prisma/schema.prisma, lib/generated/prisma-pg from
 * the derived prisma/postgresql/schema.prisma). Both come from the same models and expose the same
 * API; the rest of the app sees only the SQLite client's type and never knows which one runs.
 *
 * SQLite runs in WAL mode (set by the migrator, persistent in the file) with synchronous=NORMAL per
 * connection: ~60x the commit rate of the default journal, see ../shared/STACK.md. Statements outside
 * a transaction wait for the one open on the connection (lib/sqlite-one-writer.ts).
 */
class TunedSQLiteAdapterFactory extends PrismaBetterSQLite3 {
  async connect() {
    const adapter = oneTransactionAtATime(await super.connect());
    await adapter.executeScript("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    return adapter;
  }
}

function createSqliteClient(url: string) {
  mkdirSync(path.dirname(path.resolve(sqliteFilePath(url))), { recursive: true });
  return new PrismaClient({ adapter: new TunedSQLiteAdapterFactory({ url, timeout: 5_000 }) });
}

function createPostgresClient(url: string) {
  const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  // Same models, same generator options: only the provider differs, which the shared type never shows.
  return client as unknown as PrismaClient;
}

export function createDbClient(url: string): PrismaClient {
  return databaseProvider(url) === "postgresql" ? createPostgresClient(url) : createSqliteClient(url);
}
