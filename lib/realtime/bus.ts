import { databaseProvider } from "@/lib/db-provider";
import { env } from "@/lib/env";
import { createInProcessBus } from "@/lib/realtime/in-process-bus";
import { createPostgresBus } from "@/lib/realtime/postgres-bus";
import type { EventBus } from "@/lib/realtime/types";

const globalForBus = globalThis as unknown as { inboxEventBus?: EventBus };

/**
 * The process-wide bus. Publishing never throws into the caller: a lost live update is refetched on
 * reconnect. On PostgreSQL, instances may share the database, so events travel through
 * LISTEN/NOTIFY; SQLite means one instance, so they stay in the process.
 */
function createBus(): EventBus {
  return databaseProvider(env.DATABASE_URL) === "postgresql" ? createPostgresBus(env.DATABASE_URL) : createInProcessBus();
}

export const eventBus: EventBus = globalForBus.inboxEventBus ?? createBus();
globalForBus.inboxEventBus = eventBus;
