import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";

/**
 * Fresh PostgreSQL databases for tests, created next to the one TEST_POSTGRES_URL names (which only
 * serves as the admin connection) and dropped afterwards. Unset TEST_POSTGRES_URL → tests that need
 * PostgreSQL skip, saying why.
 */

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL?.trim() || undefined;

const SKIP_REASON = "TEST_POSTGRES_URL is unset (e.g. postgresql://postgres@127.0.0.1:5432/test)";

/** `describe` for tests that need PostgreSQL: skipped, saying so, when TEST_POSTGRES_URL is unset. */
export function describeWithPostgres(name: string, body: () => void) {
  if (TEST_POSTGRES_URL) return describe(name, body);
  console.warn(`[tests] skipping "${name}": ${SKIP_REASON}`);
  return describe.skip(`${name} (skipped: ${SKIP_REASON})`, body);
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  if (!TEST_POSTGRES_URL) throw new Error(SKIP_REASON);
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `inbox_test_${randomBytes(6).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(TEST_POSTGRES_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    // FORCE ends sessions a test left open (a killed app instance, a bus mid-reconnect).
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
