import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

class ProbeRolledBack extends Error {}

/**
 * Healthy means the database takes writes, not only reads: a read-only file, a full disk or a
 * PostgreSQL standby answers SELECT 1 while every webhook would fail. So the probe writes a row
 * inside a transaction and rolls it back: nothing is kept, and nothing reaches the file's log.
 */
export async function isDatabaseWritable(): Promise<boolean> {
  try {
    await db.$transaction(async (tx) => {
      await tx.signInThrottle.create({ data: { key: `health-probe:${randomUUID()}` } });
      throw new ProbeRolledBack();
    });
    return false;
  } catch (error) {
    return error instanceof ProbeRolledBack;
  }
}
