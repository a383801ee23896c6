import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, expect, it } from "vitest";
import { migrationsDirectory, runMigrations } from "@/lib/db-migrate";
import { createTestDatabase, describeWithPostgres, type TestDatabase } from "@/tests/helpers/postgres";

const MIGRATIONS = migrationsDirectory("postgresql://derived");
const MIGRATION_COUNT = readdirSync(MIGRATIONS, { withFileTypes: true }).filter((entry) => entry.isDirectory()).length;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describeWithPostgres("migrator on PostgreSQL", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function freshDatabase(): Promise<TestDatabase> {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    return database;
  }

  function scratchMigrations(): string {
    const directory = mkdtempSync(path.join(tmpdir(), "pg-migrations-"));
    cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
    cpSync(MIGRATIONS, directory, { recursive: true });
    return directory;
  }

  it("applies every migration to a fresh database and records name and checksum", async () => {
    const { url } = await freshDatabase();
    const report = await runMigrations(url);
    expect(report.applied).toHaveLength(MIGRATION_COUNT);
    expect(report.alreadyApplied).toBe(0);
    const recorded = await query<{ name: string; checksum: string }>(url, `SELECT "name", "checksum" FROM "_app_migrations" ORDER BY "name"`);
    expect(recorded.map((row) => row.name)).toEqual(report.applied);
    expect(recorded.every((row) => /^[0-9a-f]{64}$/.test(row.checksum))).toBe(true);
    const tables = await query<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((row) => row.table_name)).toEqual(expect.arrayContaining(["User", "Message", "Conversation", "_app_migrations"]));
  });

  it("is a no-op the second time", async () => {
    const { url } = await freshDatabase();
    await runMigrations(url);
    expect(await runMigrations(url)).toEqual({ applied: [], alreadyApplied: MIGRATION_COUNT });
  });

  it("applies only the new migration when one is added", async () => {
    const { url } = await freshDatabase();
    const directory = scratchMigrations();
    await runMigrations(url, directory);
    mkdirSync(path.join(directory, "29990101000000_add_nickname"));
    writeFileSync(path.join(directory, "29990101000000_add_nickname", "migration.sql"), `ALTER TABLE "User" ADD COLUMN "nickname" TEXT;`);
    expect(await runMigrations(url, directory)).toEqual({ applied: ["29990101000000_add_nickname"], alreadyApplied: MIGRATION_COUNT });
    const columns = await query(url, `SELECT 1 FROM information_schema.columns WHERE table_name = 'User' AND column_name = 'nickname'`);
    expect(columns).toHaveLength(1);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const { url } = await freshDatabase();
    const directory = scratchMigrations();
    await runMigrations(url, directory);
    const first = readdirSync(directory).filter((name) => !name.endsWith(".toml")).sort()[0];
    writeFileSync(path.join(directory, first, "migration.sql"), "-- edited\nSELECT 1;");
    await expect(runMigrations(url, directory)).rejects.toThrow(`Migration ${first} was edited after it was applied`);
  });

  it("rolls back a failing migration entirely and records nothing for it", async () => {
    const { url } = await freshDatabase();
    const directory = scratchMigrations();
    mkdirSync(path.join(directory, "29990101000000_broken"));
    writeFileSync(
      path.join(directory, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "Half" ("id" TEXT);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;`,
    );
    await expect(runMigrations(url, directory)).rejects.toThrow(/Migration 29990101000000_broken failed: .*NoSuchTable/);
    expect(await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`)).toHaveLength(0);
    const recorded = await query<{ name: string }>(url, `SELECT "name" FROM "_app_migrations"`);
    expect(recorded).toHaveLength(MIGRATION_COUNT);
  });

  it("applies each migration once when several instances start together", async () => {
    const { url } = await freshDatabase();
    const reports = await Promise.all(Array.from({ length: 4 }, () => runMigrations(url)));
    expect(reports.map((report) => report.applied.length).sort()).toEqual([0, 0, 0, MIGRATION_COUNT]);
    const recorded = await query<{ count: string }>(url, `SELECT count(*) FROM "_app_migrations"`);
    expect(Number(recorded[0].count)).toBe(MIGRATION_COUNT);
  });
});
