import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Fresh PostgreSQL databases for tests, created next to the one TEST_POSTGRES_URL names (which only
 * serves as the admin connection) and dropped afterwards. Unset TEST_POSTGRES_URL → tests that need
 * PostgreSQL skip, saying why.
 */

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL?.trim() || undefined;

export const POSTGRES_SKIP_REASON = "TEST_POSTGRES_URL is unset: skipping the PostgreSQL tests";

if (!TEST_POSTGRES_URL) console.warn(`[tests] ${POSTGRES_SKIP_REASON}`);

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  if (!TEST_POSTGRES_URL) throw new Error(POSTGRES_SKIP_REASON);
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
