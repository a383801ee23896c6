import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { runMigrations } from "@/lib/db-migrate";
import { createTestDatabase, describeWithPostgres } from "@/tests/helpers/postgres";
import {
  checkVariants,
  derivedMigration,
  derivePostgresSchema,
  diffPostgres,
  migrationNames,
  missingPostgresMigrations,
  POSTGRES_DIR,
  rawPostgresSql,
} from "./generate-db-variants";

const SQLITE_MIGRATIONS = path.join(POSTGRES_DIR, "..", "migrations");

const SQLITE_SCHEMA = `generator client {
  provider = "prisma-client"
  output   = "../lib/generated/prisma"
}

datasource db {
  provider = "sqlite"
  url      = env("DATABASE_URL")
}

model Note {
  id String @id
}
`;

describe("PostgreSQL variant derivation", () => {
  it("swaps the provider and puts the client next to the SQLite one", () => {
    const derived = derivePostgresSchema(SQLITE_SCHEMA);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output   = "../../lib/generated/prisma-pg"');
    expect(derived).toMatch(/^\/\/ GENERATED/);
    expect(derived).toContain("model Note {\n  id String @id\n}");
  });

  it("refuses provider-specific native types", () => {
    expect(() => derivePostgresSchema(SQLITE_SCHEMA.replace("id String @id", "id String @id @db.Text"))).toThrow("@db.Text");
  });

  it("lists the SQLite migrations without a PostgreSQL twin and refuses diverged histories", () => {
    expect(missingPostgresMigrations(["1_init", "2_more"], ["1_init"])).toEqual(["2_more"]);
    expect(missingPostgresMigrations(["1_init"], ["1_init"])).toEqual([]);
    expect(() => missingPostgresMigrations(["1_init", "3_new"], ["1_init", "2_gone"])).toThrow("diverged");
  });

  it("writes a derived migration as the diff, then the migration's own postgresql.sql verbatim", () => {
    const diff = '-- CreateIndex\nCREATE INDEX "a" ON "T"("x");\n\n';
    const raw = "CREATE EXTENSION IF NOT EXISTS pg_trgm;\n";
    expect(derivedMigration("2_more", diff, null)).toBe(
      `-- Derived from prisma/migrations/2_more by \`npm run db:generate-variants\`.\n\n${diff}`,
    );
    expect(derivedMigration("2_more", diff, raw)).toBe(
      "-- Derived from prisma/migrations/2_more by `npm run db:generate-variants`.\n\n" +
        '-- CreateIndex\nCREATE INDEX "a" ON "T"("x");\n\n' +
        `-- From prisma/migrations/2_more/postgresql.sql:\n${raw}`,
    );
    // Raw SQL alone: no "write the PostgreSQL equivalent by hand" note, it is already there.
    expect(derivedMigration("2_more", "", raw)).not.toContain("No schema change");
    expect(derivedMigration("2_more", "", null)).toContain("prisma/migrations/2_more/postgresql.sql");
    const merged = derivedMigration("2_more", diff, raw, "3_last");
    expect(merged).toContain("part of 3_last");
    expect(merged).not.toContain("CREATE INDEX");
    expect(merged.endsWith(raw)).toBe(true);
  });

  it("finds the committed PostgreSQL schema and migrations up to date (else run npm run db:generate-variants)", () => {
    expect(checkVariants()).toEqual([]);
  });
});

/** Everything about the public schema that a migration can change, in a comparable form. */
async function describeSchema(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const queries = [
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_app_migrations'`,
      `SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_app_migrations'`,
      `SELECT conrelid::regclass::text AS "table", conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
         WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_app_migrations'`,
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels FROM pg_type t
         JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    ];
    const rows: string[] = [];
    for (const sql of queries) rows.push(...(await client.query(sql)).rows.map((row) => JSON.stringify(row)));
    return rows.sort();
  } finally {
    await client.end();
  }
}

describeWithPostgres("PostgreSQL migrations vs the derived schema", () => {
  it("builds exactly the schema prisma/postgresql/schema.prisma describes", async () => {
    const [migrated, direct] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      await runMigrations(migrated.url);
      const client = new pg.Client({ connectionString: direct.url });
      await client.connect();
      // What the schema cannot say (trigram indexes, extensions) comes from the migrations' postgresql.sql files.
      // Those that only move rows between columns of their time (marked "-- Data only") have nothing
      // to add to an empty database, and may name columns a later migration dropped.
      const raw = migrationNames(SQLITE_MIGRATIONS)
        .map((name) => rawPostgresSql(SQLITE_MIGRATIONS, name) ?? "")
        .filter((sql) => !sql.startsWith("-- Data only"));
      await client.query([diffPostgres(null, path.join(POSTGRES_DIR, "schema.prisma")), ...raw].join("\n")).finally(() => client.end());
      const expected = await describeSchema(direct.url);
      expect(expected.length).toBeGreaterThan(50);
      expect(await describeSchema(migrated.url)).toEqual(expected);
    } finally {
      await Promise.all([migrated.drop(), direct.drop()]);
    }
  });
});
