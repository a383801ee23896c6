import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { afterLeadCursor, decodeLeadCursor, encodeLeadCursor, leadOrder } from "@/lib/leads/lead-cursor";
import { leadFilterWhere } from "@/lib/leads/lead-filter";
import { leadSelect, toLead, type Lead, type LeadRow } from "@/lib/leads/lead-select";
import type { ListLeadsQuery } from "@/lib/validations/lead";

export interface LeadPage {
  leads: Lead[];
  nextCursor: string | null;
}

/** One page of leads for the table, a board column and the export, keyset-paginated in the chosen sort. */
export async function listLeads(query: ListLeadsQuery, user: Pick<SessionUser, "id" | "role">): Promise<LeadPage> {
  const { rows, nextCursor } = await listLeadRows(query, user);
  return { leads: rows.map(toLead), nextCursor };
}

/** The rows behind a page, for callers that shape them themselves (the CSV export). */
export async function listLeadRows(query: ListLeadsQuery, user: Pick<SessionUser, "id" | "role">): Promise<{ rows: LeadRow[]; nextCursor: string | null }> {
  const where = await leadFilterWhere(query, user);
  if (query.cursor) where.push(afterLeadCursor(decodeLeadCursor(query.cursor, query.sort)) as Prisma.LeadWhereInput);
  const rows = await db.lead.findMany({
    where: { AND: where },
    orderBy: leadOrder(query.sort) as Prisma.LeadOrderByWithRelationInput[],
    take: query.limit + 1,
    select: leadSelect,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > query.limit && last ? encodeLeadCursor(query.sort, last) : null };
}
