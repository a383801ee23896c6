import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { LEAD_STATUSES, type LeadStatusValue } from "@/lib/inbox/constants";
import { leadFilterWhere } from "@/lib/leads/lead-filter";
import { listLeadKeys, loadLeadsInOrder, type LeadPage } from "@/lib/leads/list-leads";
import type { LeadFilterQuery } from "@/lib/validations/lead";

export interface BoardColumn extends LeadPage {
  status: LeadStatusValue;
  count: number;
  /** Sum of the column's values per currency, in minor units (a team may sell in more than one). */
  totals: { currency: string; value: number }[];
}

const BOARD_COLUMN_SIZE = 12;

/**
 * The board's first screen in one request: a column per stage (or per stage the filter asks for)
 * with its count, value totals and first cards. The totals read the (status, currency, value)
 * index alone; each column's first ids walk the (status, lastContactAt) index; then the cards of
 * all columns load together. More cards come from GET /api/leads with the column's cursor.
 */
export async function getBoard(filter: LeadFilterQuery, user: Pick<SessionUser, "id" | "role">): Promise<{ columns: BoardColumn[] }> {
  const statuses = filter.status ?? [...LEAD_STATUSES];
  const where = await leadFilterWhere({ ...filter, status: undefined }, user);
  const [groups, keys] = await Promise.all([
    db.lead.groupBy({
      by: ["status", "currency"],
      where: { AND: [...where, { status: { in: statuses } }] },
      _count: { _all: true },
      _sum: { value: true },
    }),
    Promise.all(statuses.map((status) => listLeadKeys([...where, { status }], filter.sort, BOARD_COLUMN_SIZE))),
  ]);
  const leads = await loadLeadsInOrder(keys.flatMap((column) => column.rows.map((row) => row.id)));
  const byId = new Map(leads.map((lead) => [lead.id, lead]));
  return {
    columns: statuses.map((status, index) => {
      const mine = groups.filter((group) => group.status === status);
      return {
        status,
        count: mine.reduce((sum, group) => sum + group._count._all, 0),
        totals: mine.filter((group) => group._sum.value).map((group) => ({ currency: group.currency, value: group._sum.value ?? 0 })),
        leads: keys[index].rows.flatMap((row) => byId.get(row.id) ?? []),
        nextCursor: keys[index].nextCursor,
      };
    }),
  };
}
