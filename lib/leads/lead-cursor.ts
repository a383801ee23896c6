import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import type { LeadSort } from "@/lib/leads/constants";

/**
 * Keyset cursors for the lead list in each of its sorts: (field desc, id desc), rows without a
 * value last. Opaque to clients (base64url JSON); a cursor from another sort is refused, since it
 * would silently skip or repeat rows.
 */
export interface LeadCursor {
  sort: LeadSort;
  /** The last row's sort value: ISO time, minor units, or null. */
  at: string | number | null;
  id: string;
}

const cursorSchema = z.object({
  sort: z.enum(["lastContactAt", "value", "createdAt"]),
  at: z.union([z.iso.datetime({ offset: true }), z.number().int(), z.null()]),
  id: z.string().min(1).max(100),
});

export interface LeadSortRow {
  id: string;
  lastContactAt: Date | null;
  value: number | null;
  createdAt: Date;
}

export function encodeLeadCursor(sort: LeadSort, row: LeadSortRow): string {
  const raw = row[sort];
  const at = raw instanceof Date ? raw.toISOString() : raw;
  return Buffer.from(JSON.stringify({ sort, at, id: row.id })).toString("base64url");
}

export function decodeLeadCursor(value: string, sort: LeadSort): LeadCursor {
  let cursor: LeadCursor;
  try {
    cursor = cursorSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
  } catch {
    throw new ApiError({ code: "BAD_REQUEST", message: "The cursor is not valid; start again from the first page" });
  }
  const valueMatchesSort = sort === "value" ? typeof cursor.at !== "string" : typeof cursor.at !== "number";
  if (cursor.sort !== sort || !valueMatchesSort) {
    throw new ApiError({ code: "BAD_REQUEST", message: "The cursor belongs to another sort order; start again from the first page" });
  }
  return cursor;
}

/**
 * The order for a sort: newest / largest first, rows without a value last, then id so equal values
 * never skip a row at a page edge. SQLite already sorts NULL last when descending; spelling it out
 * there makes Prisma order by a CASE expression that no index serves (a full sort of every lead,
 * measured 0.1-0.2 s at 100k), so only PostgreSQL, which sorts NULL first, is told.
 */
export function leadOrder(sort: LeadSort, options: { explicitNullsLast: boolean }) {
  const first = sort === "createdAt" || !options.explicitNullsLast ? { [sort]: "desc" as const } : { [sort]: { sort: "desc" as const, nulls: "last" as const } };
  return [first, { id: "desc" as const }];
}

/**
 * "After this row" in `leadOrder(sort)`. Written as `field <= at AND (field < at OR id < cursor)`
 * so SQLite seeks the index instead of scanning from the top; rows without a value come after all
 * rows with one.
 */
export function afterLeadCursor(cursor: LeadCursor): Record<string, unknown> {
  const field = cursor.sort;
  if (cursor.at === null) return { [field]: null, id: { lt: cursor.id } };
  const at = typeof cursor.at === "number" ? cursor.at : new Date(cursor.at);
  const after = { [field]: { lte: at }, AND: [{ OR: [{ [field]: { lt: at } }, { id: { lt: cursor.id } }] }] };
  return field === "createdAt" ? after : { OR: [after, { [field]: null }] };
}
