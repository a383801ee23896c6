import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseProvider, sqliteFilePath } from "@/lib/db-provider";

/**
 * Backups of the embedded SQLite database, taken while the app runs: SQLite's online backup API
 * (better-sqlite3's `.backup()`) copies a consistent snapshot however busy the writers are. The
 * local secrets (the key that encrypts channel tokens, the session signing secret) travel inside the
 * same file, in a table of its own, because a database without them can't be read back. One file
 * to keep, one to restore; PostgreSQL deployments use pg_dump instead (README).
 */

const SECRETS_TABLE = "_backup_local_secrets";
const SECRETS_FILE = "local-secrets.json";

function requireSqlite(databaseUrl: string): string {
  if (databaseProvider(databaseUrl) !== "sqlite") {
    throw new Error("DATABASE_URL points at PostgreSQL: back it up with pg_dump (see README, Backups).");
  }
  return path.resolve(sqliteFilePath(databaseUrl));
}

export async function backupSqlite(options: { databaseUrl: string; dataDir: string; to: string }): Promise<{ bytes: number; withSecrets: boolean }> {
  const databaseFile = requireSqlite(options.databaseUrl);
  if (!existsSync(databaseFile)) throw new Error(`No database at ${databaseFile}`);
  const partial = `${options.to}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(databaseFile, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 10000");
    // All remaining pages in one step: one consistent read, never restarted by a concurrent write.
    await source.backup(partial, { progress: ({ remainingPages }) => Math.max(remainingPages, 1) });
  } finally {
    source.close();
  }
  const secretsFile = path.join(options.dataDir, SECRETS_FILE);
  const secrets = existsSync(secretsFile) ? readFileSync(secretsFile, "utf8") : null;
  const copy = new Database(partial);
  try {
    copy.exec(`CREATE TABLE "${SECRETS_TABLE}" (json TEXT NOT NULL)`);
    if (secrets !== null) copy.prepare(`INSERT INTO "${SECRETS_TABLE}" (json) VALUES (?)`).run(secrets);
    // A single self-contained file: no -wal beside it.
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  renameSync(partial, options.to);
  return { bytes: statSync(options.to).size, withSecrets: secrets !== null };
}

/** Restores a backup into a data directory that holds no database and no local secrets yet. */
export function restoreSqlite(options: { databaseUrl: string; dataDir: string; from: string }): { withSecrets: boolean } {
  const databaseFile = requireSqlite(options.databaseUrl);
  const secretsFile = path.join(options.dataDir, SECRETS_FILE);
  for (const existing of [databaseFile, secretsFile]) {
    if (existsSync(existing)) throw new Error(`${existing} exists: restore only into an empty data directory.`);
  }
  if (!existsSync(options.from)) throw new Error(`No backup at ${options.from}`);
  mkdirSync(path.dirname(databaseFile), { recursive: true });
  mkdirSync(options.dataDir, { recursive: true });
  const partial = `${databaseFile}.partial`;
  copyFileSync(options.from, partial);
  let secrets: string | null = null;
  const copy = new Database(partial, { fileMustExist: true });
  try {
    const table = copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(SECRETS_TABLE);
    if (!table) throw new Error(`${options.from} is not a backup made by npm run db:backup`);
    secrets = (copy.prepare(`SELECT json FROM "${SECRETS_TABLE}"`).pluck().get() as string | undefined) ?? null;
    copy.exec(`DROP TABLE "${SECRETS_TABLE}"`);
    // Back to the app's own journal mode (lib/db-client.ts sets it too; this keeps the file as it was).
    copy.pragma("journal_mode = WAL");
  } catch (error) {
    copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
  copy.close();
  if (secrets !== null) writeFileSync(secretsFile, secrets, { mode: 0o600, flag: "wx" });
  renameSync(partial, databaseFile);
  return { withSecrets: secrets !== null };
}
