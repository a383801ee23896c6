import { createDbClient } from "@/lib/db-client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RunningApp } from "./app";

/**
 * A Prisma client on a running app's database (SQLite file or PostgreSQL), for what HTTP can't
 * show (the raw event log, counts that prove "exactly once") and for arranging state (an old
 * lastInboundAt, a blocklist entry).
 */
export function openDatabase(app: Pick<RunningApp, "databaseUrl">): PrismaClient {
  return createDbClient(app.databaseUrl);
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

/** Waits until a logged webhook event left RECEIVED; returns its final row. */
export function eventProcessed(db: PrismaClient, eventId: string) {
  return waitFor(async () => {
    const row = await db.externalEventLog.findUnique({ where: { id: eventId }, select: { status: true, error: true, attempts: true } });
    return row && row.status !== "RECEIVED" ? row : undefined;
  }, `event ${eventId} processed`);
}
