import { z } from "zod";
import { ApiError } from "@/lib/api/errors";

/**
 * Keyset cursors for newest-first lists ordered by (time desc, id desc). Opaque to clients
 * (base64url JSON), so the ordering can change without breaking bookmarked URLs' shape.
 */
export interface Cursor {
  /** ISO time of the last row on the page, or null when that row has no time yet. */
  at: string | null;
  id: string;
}

const cursorSchema = z.object({ at: z.iso.datetime({ offset: true }).nullable(), id: z.string().min(1).max(100) });

export function encodeCursor(at: Date | null, id: string): string {
  return Buffer.from(JSON.stringify({ at: at ? at.toISOString() : null, id })).toString("base64url");
}

export function decodeCursor(value: string): Cursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
  } catch {
    throw new ApiError({ code: "BAD_REQUEST", message: "The cursor is not valid; start again from the first page" });
  }
}

/**
 * "After this row" for (field desc, id desc), written so SQLite can seek the index on `field <= at`
 * instead of scanning from the top: deep pages cost the same as the first one. Rows without a time
 * sort last (SQLite orders NULL lowest).
 */
export function afterCursor(field: string, cursor: Cursor, options: { nullable: boolean }) {
  if (cursor.at === null) return { [field]: null, id: { lt: cursor.id } };
  const at = new Date(cursor.at);
  const after = { [field]: { lte: at }, AND: [{ OR: [{ [field]: { lt: at } }, { id: { lt: cursor.id } }] }] };
  return options.nullable ? { OR: [after, { [field]: null }] } : after;
}

/** Cuts a `limit + 1` fetch down to the page, with the cursor for the next one when there is more. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number, timeOf: (row: T) => Date | null) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(timeOf(last), last.id) : null };
}
