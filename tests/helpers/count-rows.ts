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

/** Row counts of every table of the app's database, for "a refused request changed nothing" over the whole schema. */
export async function countAllTables(app: Pick<RunningApp, "databaseUrl">): Promise<Record<string, number>> {
  const tables = app.databaseUrl.startsWith("file:")
    ? (() => {
        const database = new Database(app.databaseUrl.slice("file:".length), { readonly: true, fileMustExist: true });
        try {
          return database
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search%'")
            .pluck()
            .all() as string[];
        } finally {
          database.close();
        }
      })()
    : await (async () => {
        const client = new pg.Client({ connectionString: app.databaseUrl });
        await client.connect();
        try {
          const result = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()");
          return result.rows.map((row) => row.name);
        } finally {
          await client.end();
        }
      })();
  const counts: Record<string, number> = {};
  for (const table of tables.sort()) counts[table] = await countRows(app, table);
  return counts;
}
