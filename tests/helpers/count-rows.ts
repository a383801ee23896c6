import Database from "better-sqlite3";
import pg from "pg";
import type { RunningApp } from "./app";

/**
 * Row counts straight from the app's database (SQLite file or PostgreSQL), read-only, for what HTTP
 * cannot prove: that nothing was stored from a refused request, that each message is there once.
 * `where` is a trusted SQL fragment written by the test, with `?` placeholders.
 */
export async function countRows(
  app: Pick<RunningApp, "databaseUrl">,
  table: string,
  where = "1 = 1",
  params: unknown[] = [],
): Promise<number> {
  if (app.databaseUrl.startsWith("file:")) {
    const database = new Database(app.databaseUrl.slice("file:".length), { readonly: true, fileMustExist: true });
    try {
      database.pragma("busy_timeout = 5000");
      return database.prepare(`SELECT count(*) FROM "${table}" WHERE ${where}`).pluck().get(...params) as number;
    } finally {
      database.close();
    }
  }
  const client = new pg.Client({ connectionString: app.databaseUrl });
  await client.connect();
  try {
    let index = 0;
    const sql = `SELECT count(*)::int AS n FROM "${table}" WHERE ${where.replace(/\?/g, () => `$${++index}`)}`;
    const result = await client.query<{ n: number }>(sql, params);
    return result.rows[0].n;
  } finally {
    await client.end();
  }
}
