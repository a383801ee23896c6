// `npm run db:generate-variants`: derive the PostgreSQL schema and migrations from the SQLite ones.
// `npm run db:check-variants` (CI): fail when the derived files are stale, without writing anything.
//
// prisma/schema.prisma and prisma/migrations stay the single source of truth. The PostgreSQL copy
// differs only in its provider and client output path; its migrations carry the same folder names
// as the SQLite ones, so both histories advance in step and the migrator records the same names.
// prisma/postgresql/schema.prisma always describes the state after the last PostgreSQL migration:
// a new migration is the diff from it to the freshly derived schema.
//
// What the schema cannot say (full-text indexes, extensions, triggers) is raw SQL, different per
// database: the SQLite migration.sql carries the SQLite statements, and a `postgresql.sql` next to
// it the PostgreSQL ones, which the derived migration gets verbatim after the diff. Check mode
// fails when a derived migration no longer contains its postgresql.sql.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SQLITE_DIR = path.join(ROOT, "prisma");
export const POSTGRES_DIR = path.join(ROOT, "prisma", "postgresql");
const POSTGRES_CONFIG = path.join(POSTGRES_DIR, "prisma.config.ts");

const GENERATED_HEADER = [
  "// GENERATED from prisma/schema.prisma by `npm run db:generate-variants`. Do not edit: change",
  "// prisma/schema.prisma, write its SQLite migration, then run the script (see README).",
  "",
].join("\n");

/** The PostgreSQL twin of the SQLite schema text: provider swapped, client generated next to the SQLite one. */
export function derivePostgresSchema(sqliteSchema: string): string {
  const nativeType = /@db\.\w+/.exec(sqliteSchema);
  if (nativeType) {
    throw new Error(`prisma/schema.prisma uses the native type ${nativeType[0]}: keep the schema provider-neutral`);
  }
  let providers = 0;
  let outputs = 0;
  const derived = sqliteSchema
    .replace(/(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*)"sqlite"/, (_match, head: string) => {
      providers += 1;
      return `${head}"postgresql"`;
    })
    .replace(/(generator\s+\w+\s*\{[^}]*?output\s*=\s*)"([^"]+)"/, (_match, head: string, output: string) => {
      outputs += 1;
      const target = `${path.resolve(SQLITE_DIR, output)}-pg`;
      return `${head}"${path.relative(POSTGRES_DIR, target).split(path.sep).join("/")}"`;
    });
  if (providers !== 1) throw new Error('prisma/schema.prisma: expected one datasource with provider = "sqlite"');
  if (outputs !== 1) throw new Error("prisma/schema.prisma: expected one generator with an output path");
  return GENERATED_HEADER + derived;
}

/** Migration folder names in apply order. */
export function migrationNames(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const RAW_POSTGRES_FILE = "postgresql.sql";

/** The hand-written PostgreSQL statements of a migration (`postgresql.sql` next to its SQLite migration.sql), if any. */
export function rawPostgresSql(sqliteMigrationsDir: string, name: string): string | null {
  const file = path.join(sqliteMigrationsDir, name, RAW_POSTGRES_FILE);
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}

/**
 * The derived migration's text: header, the schema diff (or a placeholder when it was merged into a
 * later migration), then the migration's own raw statements. A placeholder's raw statements still
 * run in its place, before the merged diff: they must not need tables that diff creates.
 */
export function derivedMigration(name: string, diff: string, raw: string | null, mergedInto?: string): string {
  const header = `-- Derived from prisma/migrations/${name} by \`npm run db:generate-variants\`.\n`;
  const body = mergedInto ? `-- No statements: the schema change of this migration is part of ${mergedInto}.\n` : diff;
  const note = !mergedInto && raw === null && diff.trim() === ""
    ? `-- No schema change. If the SQLite migration of the same name changes data, write the PostgreSQL\n-- equivalent in prisma/migrations/${name}/${RAW_POSTGRES_FILE} and derive again.\n`
    : "";
  if (raw === null) return `${header}${note}\n${body}`;
  const statements = body.trim() === "" ? "" : `${body.trimEnd()}\n\n`;
  return `${header}\n${statements}-- From prisma/migrations/${name}/${RAW_POSTGRES_FILE}:\n${raw}`;
}

/** The SQLite migrations that have no PostgreSQL twin yet; refuses histories that diverged. */
export function missingPostgresMigrations(sqliteNames: string[], postgresNames: string[]): string[] {
  postgresNames.forEach((name, index) => {
    if (sqliteNames[index] !== name) {
      throw new Error(
        `prisma/postgresql/migrations/${name} has no SQLite twin at the same position: the histories diverged ` +
          "(a migration was renamed, removed or inserted before an existing one)",
      );
    }
  });
  return sqliteNames.slice(postgresNames.length);
}

function prisma(args: string[]): string {
  return execFileSync(process.execPath, [path.join(ROOT, "node_modules", "prisma", "build", "index.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/**
 * SQL from one PostgreSQL datamodel to another. Prisma opens every script with
 * `CREATE SCHEMA IF NOT EXISTS "public"`; that needs CREATE rights on the database even when the
 * schema exists, which hosted databases often withhold, and tables land in the connection's schema anyway.
 */
export function diffPostgres(fromSchema: string | null, toSchemaPath: string): string {
  const scratch = mkdtempSync(path.join(tmpdir(), "db-variants-"));
  try {
    const from = ["--from-empty"];
    if (fromSchema !== null) {
      writeFileSync(path.join(scratch, "from.prisma"), fromSchema);
      from.splice(0, 1, "--from-schema-datamodel", path.join(scratch, "from.prisma"));
    }
    const sql = prisma(["migrate", "diff", "--config", POSTGRES_CONFIG, ...from, "--to-schema-datamodel", toSchemaPath, "--script"]);
    return sql.replace(/-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/, "");
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

interface Plan {
  schema: string;
  schemaStale: boolean;
  missing: string[];
}

function plan(): Plan {
  const schema = derivePostgresSchema(readFileSync(path.join(SQLITE_DIR, "schema.prisma"), "utf8"));
  const schemaPath = path.join(POSTGRES_DIR, "schema.prisma");
  const current = existsSync(schemaPath) ? readFileSync(schemaPath, "utf8") : null;
  const missing = missingPostgresMigrations(
    migrationNames(path.join(SQLITE_DIR, "migrations")),
    migrationNames(path.join(POSTGRES_DIR, "migrations")),
  );
  return { schema, schemaStale: current !== schema, missing };
}

export function checkVariants(): string[] {
  const { schemaStale, missing } = plan();
  const problems: string[] = [];
  if (schemaStale) problems.push("prisma/postgresql/schema.prisma does not match prisma/schema.prisma");
  for (const name of missing) problems.push(`prisma/postgresql/migrations/${name} is missing`);
  const sqliteMigrations = path.join(SQLITE_DIR, "migrations");
  for (const name of migrationNames(path.join(POSTGRES_DIR, "migrations"))) {
    const raw = rawPostgresSql(sqliteMigrations, name);
    const derived = path.join(POSTGRES_DIR, "migrations", name, "migration.sql");
    if (raw !== null && !readFileSync(derived, "utf8").includes(raw)) {
      problems.push(`prisma/postgresql/migrations/${name}/migration.sql does not contain prisma/migrations/${name}/${RAW_POSTGRES_FILE}`);
    }
  }
  return problems;
}

function generate(): string[] {
  const { schema, schemaStale, missing } = plan();
  if (missing.length === 0) {
    if (schemaStale && existsSync(path.join(POSTGRES_DIR, "schema.prisma"))) {
      throw new Error("prisma/schema.prisma changed but prisma/migrations has no new migration for it");
    }
    if (schemaStale) writeFileSync(path.join(POSTGRES_DIR, "schema.prisma"), schema);
    return schemaStale ? ["prisma/postgresql/schema.prisma"] : [];
  }
  const schemaPath = path.join(POSTGRES_DIR, "schema.prisma");
  const previous = existsSync(schemaPath) && migrationNames(path.join(POSTGRES_DIR, "migrations")).length > 0
    ? readFileSync(schemaPath, "utf8")
    : null;
  mkdirSync(POSTGRES_DIR, { recursive: true });
  writeFileSync(schemaPath, schema);
  const sql = diffPostgres(previous, schemaPath);
  const written = ["prisma/postgresql/schema.prisma"];
  // Several new SQLite migrations at once (e.g. after a merge): the whole change goes into the last
  // one, the earlier ones stay as named placeholders so both histories keep the same names.
  missing.forEach((name, index) => {
    const last = index === missing.length - 1;
    const raw = rawPostgresSql(path.join(SQLITE_DIR, "migrations"), name);
    const folder = path.join(POSTGRES_DIR, "migrations", name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "migration.sql"), derivedMigration(name, sql, raw, last ? undefined : missing.at(-1)));
    written.push(`prisma/postgresql/migrations/${name}/migration.sql`);
  });
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    if (process.argv.includes("--check")) {
      const problems = checkVariants();
      if (problems.length > 0) {
        console.error(`PostgreSQL variants are stale:\n  ${problems.join("\n  ")}\nRun \`npm run db:generate-variants\` and commit the result.`);
        process.exit(1);
      }
      console.log("PostgreSQL schema and migrations are up to date.");
    } else {
      const written = generate();
      console.log(written.length > 0 ? `Wrote:\n  ${written.join("\n  ")}` : "PostgreSQL variants already up to date.");
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
