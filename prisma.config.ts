import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Without a resolvable url the Prisma 6.19 CLI falls back to downloading a native engine, which
// cannot work offline (see ../shared/STACK.md).
process.env.DATABASE_URL ??= "file:./data/inbox.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/inbox.db" });
  },
});
