import { defineConfig } from "prisma/config";

/**
 * Prisma CLI config for the derived PostgreSQL schema, used only by `npm run db:generate-variants`
 * and the postinstall `prisma generate`. Neither needs a database: generating the client is offline,
 * and `migrate diff` between two datamodels only asks the server for its version before writing
 * SQL. The adapter below answers that one probe as PostgreSQL 15, so the variants can be derived
 * on a machine with no PostgreSQL at all, with the same output everywhere. Anything else it is
 * asked fails loudly. At run time the app uses @prisma/adapter-pg (lib/db.ts) and applies
 * migrations with lib/db-migrate.ts, never this file.
 */

// The derived schema keeps `url = env("DATABASE_URL")`; the CLI insists it resolve to a PostgreSQL
// url or it tries to download a native engine (see ../shared/STACK.md).
if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) {
  process.env.DATABASE_URL = "postgresql://offline@localhost:5432/offline";
}

const VERSION_PROBE = /^SELECT EXISTS\(SELECT 1 FROM pg_namespace WHERE nspname = \$1\), version\(\)/;
// ColumnTypeEnum in @prisma/driver-adapter-utils.
const BOOLEAN = 5 as const;
const TEXT = 7 as const;
const INT32 = 0 as const;

function refuse(what: string): never {
  throw new Error(`prisma/postgresql/prisma.config.ts: the offline adapter cannot ${what}; use a real database`);
}

const offlineAdapter = {
  provider: "postgres" as const,
  adapterName: "offline-version-probe",
  getConnectionInfo: () => ({ schemaName: "public", supportsRelationJoins: true }),
  async queryRaw(query: { sql: string }) {
    if (!VERSION_PROBE.test(query.sql)) refuse(`run ${query.sql.slice(0, 80)}`);
    return {
      columnNames: ["exists", "version", "numeric_version"],
      columnTypes: [BOOLEAN, TEXT, INT32],
      rows: [[true, "PostgreSQL 15.0", 150000]],
    };
  },
  executeRaw: async (): Promise<number> => refuse("execute SQL"),
  executeScript: async (): Promise<void> => refuse("execute SQL"),
  startTransaction: async (): Promise<never> => refuse("open a transaction"),
  dispose: async () => {},
};

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  async adapter() {
    return {
      provider: "postgres" as const,
      adapterName: "offline-version-probe",
      connect: async () => offlineAdapter,
      connectToShadowDb: async () => offlineAdapter,
    };
  },
});
