import type { SessionUser } from "@/lib/auth";
import { db, dbProvider } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LeadSort } from "@/lib/leads/constants";
import { afterLeadCursor, decodeLeadCursor, encodeLeadCursor, leadOrder } from "@/lib/leads/lead-cursor";
import { leadFilterWhere } from "@/lib/leads/lead-filter";
import { leadSelect, toLead, type Lead, type LeadRow } from "@/lib/leads/lead-select";
import type { ListLeadsQuery } from "@/lib/validations/lead";

export interface LeadPage {
  leads: Lead[];
  nextCursor: string | null;
}

const orderFor = (sort: LeadSort) => leadOrder(sort, { explicitNullsLast: dbProvider === "postgresql" }) as Prisma.LeadOrderByWithRelationInput[];

/** One page of leads for the table, a board column and the export, keyset-paginated in the chosen sort. */
export async function listLeads(query: ListLeadsQuery, user: Pick<SessionUser, "id" | "role">): Promise<LeadPage> {
  const { rows, nextCursor } = await listLeadRows(query, user);
  return { leads: rows.map(toLead), nextCursor };
}

/** The rows behind a page, for callers that shape them themselves (the CSV export). */
export async function listLeadRows(query: ListLeadsQuery, user: Pick<SessionUser, "id" | "role">): Promise<{ rows: LeadRow[]; nextCursor: string | null }> {
  const where = await leadFilterWhere(query, user);
  if (query.cursor) where.push(afterLeadCursor(decodeLeadCursor(query.cursor, query.sort)) as Prisma.LeadWhereInput);
  const rows = await db.lead.findMany({ where: { AND: where }, orderBy: orderFor(query.sort), take: query.limit + 1, select: leadSelect });
  return cutPage(rows, query.sort, query.limit);
}

/**
 * A page's ids only (the sort columns, read from the index): the board asks for five columns' ids
 * this way and then loads all their leads in one query, instead of five full list queries.
 */
export async function listLeadKeys(where: Prisma.LeadWhereInput[], sort: LeadSort, limit: number) {
  const rows = await db.lead.findMany({
    where: { AND: where },
    orderBy: orderFor(sort),
    take: limit + 1,
    select: { id: true, lastContactAt: true, value: true, createdAt: true },
  });
  return cutPage(rows, sort, limit);
}

/** Leads by id, in the order given. */
export async function loadLeadsInOrder(ids: string[]): Promise<Lead[]> {
  const rows = await db.lead.findMany({ where: { id: { in: ids } }, select: leadSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toLead(row)] : [];
  });
}

function cutPage<T extends { id: string; lastContactAt: Date | null; value: number | null; createdAt: Date }>(rows: T[], sort: LeadSort, limit: number) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeLeadCursor(sort, last) : null };
}
