import type { RunningApp } from "./app";

/**
 * The running app's database, opened from the test process with the app's own Prisma client, for
 * seeding rows the test needs (contacts, logged events) and for checking what was stored.
 * lib/env reads process.env once, so this points it at the app before the first import.
 */
export async function openAppDb(app: Pick<RunningApp, "databaseUrl" | "dataDir">) {
  process.env.DATABASE_URL = app.databaseUrl;
  process.env.DATA_DIR = app.dataDir;
  const { db } = await import("@/lib/db");
  return db;
}
