import { createDbClient } from "@/lib/db-client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/** One Prisma client per process, kept on globalThis so dev-mode reloads don't open more. */
const globalForDb = globalThis as unknown as { inboxDb?: PrismaClient };

export const db = globalForDb.inboxDb ?? createDbClient(env.DATABASE_URL);
globalForDb.inboxDb = db;

export type Db = typeof db;
