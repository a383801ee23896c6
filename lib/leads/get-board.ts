import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { LEAD_STATUSES, type LeadStatusValue } from "@/lib/inbox/constants";
import { leadFilterWhere } from "@/lib/leads/lead-filter";
import { listLeads, type LeadPage } from "@/lib/leads/list-leads";
import type { LeadFilterQuery } from "@/lib/validations/lead";

export interface BoardColumn extends LeadPage {
  status: LeadStatusValue;
  count: number;
  /** Sum of the column's values per currency, in minor units (a team may sell in more than one). */
  totals: { currency: string; value: number }[];
}

export const BOARD_COLUMN_SIZE = 20;

/**
 * The board's first screen in one request: a column per stage (or per stage the filter asks for)
 * with its count, value totals and first cards. Each column is the list query with one status, so
 * it walks the (status, lastContactAt) index; more cards come from GET /api/leads with a cursor.
 */
export async function getBoard(filter: LeadFilterQuery, user: Pick<SessionUser, "id" | "role">): Promise<{ columns: BoardColumn[] }> {
  const statuses = filter.status ?? [...LEAD_STATUSES];
  const where = await leadFilterWhere({ ...filter, status: undefined }, user);
  const [groups, pages] = await Promise.all([
    db.lead.groupBy({
      by: ["status", "currency"],
      where: { AND: [...where, { status: { in: statuses } }] },
      _count: { _all: true },
      _sum: { value: true },
    }),
    Promise.all(statuses.map((status) => listLeads({ ...filter, status: [status], limit: BOARD_COLUMN_SIZE }, user))),
  ]);
  return {
    columns: statuses.map((status, index) => {
      const mine = groups.filter((group) => group.status === status);
      return {
        status,
        count: mine.reduce((sum, group) => sum + group._count._all, 0),
        totals: mine.filter((group) => group._sum.value).map((group) => ({ currency: group.currency, value: group._sum.value ?? 0 })),
        ...pages[index],
      };
    }),
  };
}
