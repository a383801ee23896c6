import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProvider, sqliteFilePath } from "@/lib/db-provider";

/**
 * Applies the SQL files under prisma/migrations (SQLite) or prisma/postgresql/migrations
 * (PostgreSQL, derived by `npm run db:generate-variants`) in name order, each in its own
 * transaction, and records name + checksum. A file that was edited after it ran stops start-up:
 * schema history must only grow. Prisma's own `migrate deploy` is not used so that SQLite and
 * PostgreSQL share one migrator (the JS schema engine cannot migrate PostgreSQL, see ../shared/STACK.md).
 */

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export function readMigrations(directory: string): MigrationFile[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(directory, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export function checkApplied(files: MigrationFile[], applied: Map<string, string>): MigrationFile[] {
  for (const [name, checksum] of applied) {
    const file = files.find((candidate) => candidate.name === name);
    if (!file) throw new Error(`Migration ${name} was applied but its file is missing`);
    if (file.checksum !== checksum) {
      throw new Error(`Migration ${name} was edited after it was applied; add a new migration instead`);
    }
  }
  return files.filter((file) => !applied.has(file.name));
}

function migrateSqlite(url: string, files: MigrationFile[]): MigrationReport {
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const connection = new Database(file, { timeout: 15_000 });
  try {
    connection.pragma("journal_mode = WAL");
    connection.exec(
      `CREATE TABLE IF NOT EXISTS "_app_migrations" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`,
    );
    // SQLite's way to change a table's shape is to rebuild it (Prisma's "RedefineTables"), which
    // needs foreign keys off: dropping the old table would otherwise delete, through ON DELETE
    // CASCADE, every row that points at it. The pragma is ignored inside a transaction, so it is set
    // here, and the check before commit refuses a migration that left a dangling reference.
    connection.pragma("foreign_keys = OFF");
    // BEGIN IMMEDIATE takes the write lock up front, so two processes starting together serialise here.
    const migrate = connection.transaction(() => {
      const rows = connection.prepare(`SELECT "name", "checksum" FROM "_app_migrations"`).all() as {
        name: string;
        checksum: string;
      }[];
      const pending = checkApplied(files, new Map(rows.map((row) => [row.name, row.checksum])));
      for (const migration of pending) {
        connection.exec(migration.sql);
        connection
          .prepare(`INSERT INTO "_app_migrations" ("name", "checksum", "appliedAt") VALUES (?, ?, ?)`)
          .run(migration.name, migration.checksum, new Date().toISOString());
      }
      const dangling = connection.pragma("foreign_key_check") as Array<{ table: string; parent: string }>;
      if (dangling.length > 0) {
        throw new Error(`Migrations left ${dangling.length} row(s) of "${dangling[0].table}" pointing at no "${dangling[0].parent}"`);
      }
      return { applied: pending.map((migration) => migration.name), alreadyApplied: rows.length };
    });
    return migrate.immediate();
  } finally {
    connection.close();
  }
}

/** Any fixed number: every instance of the app must agree on it, nothing else in the database may use it. */
const POSTGRES_MIGRATION_LOCK = 727_001;

async function migratePostgres(url: string, files: MigrationFile[]): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: url });
  // A lost connection also rejects the pending query, which reports it; unheard, the event would crash the process.
  client.on("error", () => {});
  await client.connect();
  try {
    // Instances starting together queue here; the second finds everything applied by the first.
    await client.query("SELECT pg_advisory_lock($1)", [POSTGRES_MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "_app_migrations" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "_app_migrations"`);
    const pending = checkApplied(files, new Map(rows.map((row) => [row.name, row.checksum])));
    for (const migration of pending) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "_app_migrations" ("name", "checksum") VALUES ($1, $2)`, [migration.name, migration.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { applied: pending.map((migration) => migration.name), alreadyApplied: rows.length };
  } finally {
    // Closing the session releases the advisory lock too, even when unlocking is never reached.
    await client.end();
  }
}

export function migrationsDirectory(url: string): string {
  return databaseProvider(url) === "postgresql"
    ? path.join(process.cwd(), "prisma", "postgresql", "migrations")
    : path.join(process.cwd(), "prisma", "migrations");
}

export async function runMigrations(url: string, directory = migrationsDirectory(url)): Promise<MigrationReport> {
  const files = readMigrations(directory);
  return databaseProvider(url) === "postgresql" ? migratePostgres(url, files) : migrateSqlite(url, files);
}
