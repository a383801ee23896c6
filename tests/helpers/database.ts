import Database from "better-sqlite3";
import type { RunningApp } from "./app";

/**
 * Direct access to a running app's SQLite file, for what HTTP can't show (the raw event log,
 * counts that prove "exactly once") and for arranging state (an old lastInboundAt, a blocklist
 * entry). WAL mode lets the test read and write while the server runs.
 */
export function openDatabase(app: Pick<RunningApp, "databaseUrl">): Database.Database {
  const file = app.databaseUrl.replace(/^file:/, "");
  const database = new Database(file);
  database.pragma("busy_timeout = 5000");
  return database;
}

/** Polls until `check` returns a truthy value (webhooks are processed after the 200). */
export async function waitFor<T>(check: () => T | Promise<T>, what = "condition", timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** A DateTime as Prisma stores it in SQLite (ISO text with "+00:00"), so SQL comparisons stay right. */
export function sqliteDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace("Z", "+00:00");
}
