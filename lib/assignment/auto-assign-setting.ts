import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * TeamSettings.autoAssign, read on every ingest batch that creates a conversation, so cached like
 * the rest of the team settings: a change on another instance applies here within CACHE_MS.
 */
const CACHE_MS = 5_000;

const cache = globalThis as unknown as { autoAssignCache?: { on: boolean; readAt: number } };

/** Inside a transaction pass its `tx`: on SQLite a query on `db` would wait for that very transaction. */
export async function isAutoAssignOn(client: Prisma.TransactionClient = db): Promise<boolean> {
  const cached = cache.autoAssignCache;
  if (cached && Date.now() - cached.readAt < CACHE_MS) return cached.on;
  const row = await client.teamSettings.findUnique({ where: { id: "team" }, select: { autoAssign: true } });
  cache.autoAssignCache = { on: row?.autoAssign ?? false, readAt: Date.now() };
  return cache.autoAssignCache.on;
}
