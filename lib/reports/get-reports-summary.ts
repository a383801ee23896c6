import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth";
import { db, dbProvider } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { LEAD_STATUSES } from "@/lib/inbox/constants";
import { visibleConversationSql, visibleLeadWhere } from "@/lib/leads/visibility";
import { median, percentile } from "@/lib/reports/percentile";
import type { MoneyTotal, ReportChannel, ReportsSummary } from "@/lib/reports/summary-types";
import type { ReportsSummaryQuery } from "@/lib/validations/reports";

type Viewer = Pick<SessionUser, "id" | "role">;

const DEFAULT_SLA_MINUTES = 15;

/**
 * The reports page's figures for a date range, read only from columns kept at write time
 * (Conversation.firstInboundAt / firstResponseSeconds / firstResponseById, Message.sentById,
 * Lead.createdAt / wonAt) through indexes that cover each query: no message is scanned beyond the
 * range's index entries. Percentiles are computed here from the one column fetched.
 *
 * Scoping: admins see everyone and may pick a person (`userId`). Agents get the team figures and
 * only their own row in `byAgent`; naming anyone else is 403. Under agentVisibility
 * "OWN_AND_UNASSIGNED" an agent's team figures cover only the conversations and leads they may see.
 * With `userId`, conversation figures cover conversations assigned to that person or first answered
 * by them, and lead figures the leads they own.
 */
export async function getReportsSummary(query: ReportsSummaryQuery, viewer: Viewer): Promise<ReportsSummary> {
  if (viewer.role !== "ADMIN" && query.userId && query.userId !== viewer.id) {
    throw new ApiError({ code: "FORBIDDEN", message: "Agents see only their own figures: leave out userId or pass your own." });
  }
  const people = await db.user.findMany({
    where: viewer.role === "ADMIN" ? (query.userId ? { id: query.userId } : {}) : { id: viewer.id },
    select: { id: true, name: true, disabledAt: true },
    orderBy: { name: "asc" },
  });
  if (query.userId && people.length === 0) {
    throw new ApiError({ code: "VALIDATION_FAILED", message: "Invalid query: userId names nobody", details: [{ field: "userId", issue: "No such person" }] });
  }

  const channel = query.channel?.toUpperCase();
  const visibleSql = await visibleConversationSql(viewer);
  const conversationConditions = [
    Prisma.sql`c."firstInboundAt" >= ${query.range.start}`,
    Prisma.sql`c."firstInboundAt" < ${query.range.end}`,
    ...(channel ? [Prisma.sql`CAST(c."channel" AS TEXT) = ${channel}`] : []),
    ...(query.userId ? [Prisma.sql`(c."assigneeId" = ${query.userId} OR c."firstResponseById" = ${query.userId})`] : []),
    ...(visibleSql ? [visibleSql] : []),
  ];
  const where = Prisma.join(conversationConditions, " AND ");
  const leadWhere: Prisma.LeadWhereInput = {
    ...(channel ? { sourceChannel: channel as Prisma.LeadWhereInput["sourceChannel"] } : {}),
    ...(query.userId ? { ownerId: query.userId } : {}),
    ...(await visibleLeadWhere(viewer)),
  };
  const range = { gte: query.range.start, lt: query.range.end };

  const [responses, ownResponses, unansweredPastTarget, byDay, replies, created, won, targetSeconds] = await Promise.all([
    db.$queryRaw<{ seconds: number; byId: string | null }[]>`
      SELECT c."firstResponseSeconds" AS seconds, c."firstResponseById" AS "byId" FROM "Conversation" c
      WHERE ${where} AND c."firstResponseSeconds" IS NOT NULL`,
    // A restricted agent's own median counts every conversation they answered first, seen or not now.
    visibleSql ? ownFirstResponses(viewer.id, query) : null,
    // slaNotifiedAt is set by the SLA check once a wait passes the target in business-hours time;
    // with no first response yet, that wait is the first one.
    db.$queryRaw<{ count: number | bigint }[]>`
      SELECT COUNT(*) AS count FROM "Conversation" c
      WHERE ${where} AND c."firstResponseSeconds" IS NULL AND c."slaNotifiedAt" IS NOT NULL`,
    db.$queryRaw<{ day: string; channel: string; count: number | bigint }[]>`
      SELECT ${dayOf(Prisma.sql`c."firstInboundAt"`)} AS day, CAST(c."channel" AS TEXT) AS channel, COUNT(*) AS count
      FROM "Conversation" c WHERE ${where}
      GROUP BY 1, 2 ORDER BY 1, 2`,
    repliesByPerson(people.map((person) => person.id), query, channel),
    db.lead.groupBy({ by: ["status", "currency"], where: { ...leadWhere, createdAt: range }, _count: { _all: true }, _sum: { value: true } }),
    db.lead.groupBy({ by: ["ownerId", "currency"], where: { ...leadWhere, status: "WON", wonAt: range }, _count: { _all: true }, _sum: { value: true } }),
    slaTargetSeconds(),
  ]);

  const seconds = responses.map((row) => Number(row.seconds)).sort((a, b) => a - b);
  const met = seconds.filter((value) => value <= targetSeconds).length;
  const judged = seconds.length + Number(unansweredPastTarget[0]?.count ?? 0);
  const firstResponsesBy = groupSeconds(ownResponses ?? responses);
  const repliesBy = new Map(replies.map((row) => [row.userId, row]));
  const wonBy = new Map<string, number>();
  for (const group of won) if (group.ownerId) wonBy.set(group.ownerId, (wonBy.get(group.ownerId) ?? 0) + group._count._all);

  return {
    firstResponse: { medianSeconds: median(seconds), p90Seconds: percentile(seconds, 0.9), count: seconds.length },
    sla: { targetSeconds, hitRate: judged === 0 ? null : Math.round((met / judged) * 10_000) / 10_000 },
    conversationsByDay: byDay.map((row) => ({ day: row.day, channel: row.channel.toLowerCase() as ReportChannel, count: Number(row.count) })),
    leadsByStatus: LEAD_STATUSES.map((status) => {
      const groups = created.filter((group) => group.status === status);
      return {
        status,
        count: groups.reduce((sum, group) => sum + group._count._all, 0),
        totals: moneyTotals(groups.map((group) => ({ currency: group.currency, value: group._sum.value ?? 0 }))),
      };
    }),
    wonValue: moneyTotals(won.map((group) => ({ currency: group.currency, value: group._sum.value ?? 0 }))),
    byAgent: people
      .map((person) => ({
        userId: person.id,
        name: person.name,
        conversationsHandled: repliesBy.get(person.id)?.conversations ?? 0,
        medianFirstResponseSeconds: median(firstResponsesBy.get(person.id) ?? []),
        repliesSent: repliesBy.get(person.id)?.replies ?? 0,
        leadsWon: wonBy.get(person.id) ?? 0,
        disabled: person.disabledAt !== null,
      }))
      // People who left stay in the report while their work falls in the range.
      .filter((row) => !row.disabled || row.repliesSent > 0 || row.leadsWon > 0 || row.medianFirstResponseSeconds !== null)
      .map(({ disabled: _disabled, ...row }) => row),
  };
}

/** The UTC day of a timestamp column, as `YYYY-MM-DD`: SQLite keeps ISO 8601 text, PostgreSQL a UTC `timestamp`. */
function dayOf(column: Prisma.Sql): Prisma.Sql {
  return dbProvider === "postgresql" ? Prisma.sql`to_char(${column}, 'YYYY-MM-DD')` : Prisma.sql`substr(${column}, 1, 10)`;
}

async function ownFirstResponses(userId: string, query: ReportsSummaryQuery) {
  const channel = query.channel?.toUpperCase();
  return db.$queryRaw<{ seconds: number; byId: string | null }[]>`
    SELECT c."firstResponseSeconds" AS seconds, c."firstResponseById" AS "byId" FROM "Conversation" c
    WHERE c."firstInboundAt" >= ${query.range.start} AND c."firstInboundAt" < ${query.range.end}
      ${channel ? Prisma.sql`AND CAST(c."channel" AS TEXT) = ${channel}` : Prisma.empty}
      AND c."firstResponseById" = ${userId} AND c."firstResponseSeconds" IS NOT NULL`;
}

/**
 * Replies (staff messages to the customer: not notes, not reactions) and the distinct conversations
 * they went to, per person: one index range per person on (sentById, sentAt, …), read from the index alone.
 */
async function repliesByPerson(userIds: string[], query: ReportsSummaryQuery, channel: string | undefined) {
  if (userIds.length === 0) return [];
  const rows = await db.$queryRaw<{ userId: string; replies: number | bigint; conversations: number | bigint }[]>`
    SELECT m."sentById" AS "userId", COUNT(*) AS replies, COUNT(DISTINCT m."conversationId") AS conversations
    FROM "Message" m
    WHERE m."sentById" IN (${Prisma.join(userIds)}) AND m."sentAt" >= ${query.range.start} AND m."sentAt" < ${query.range.end}
      AND CAST(m."type" AS TEXT) NOT IN ('NOTE', 'REACTION')
      ${channel ? Prisma.sql`AND CAST(m."channel" AS TEXT) = ${channel}` : Prisma.empty}
    GROUP BY m."sentById"`;
  return rows.map((row) => ({ userId: row.userId, replies: Number(row.replies), conversations: Number(row.conversations) }));
}

async function slaTargetSeconds(): Promise<number> {
  const settings = await db.teamSettings.findUnique({ where: { id: "team" }, select: { slaTargetMinutes: true } });
  return (settings?.slaTargetMinutes ?? DEFAULT_SLA_MINUTES) * 60;
}

function groupSeconds(rows: { seconds: number; byId: string | null }[]): Map<string, number[]> {
  const byPerson = new Map<string, number[]>();
  for (const row of rows) {
    if (!row.byId) continue;
    const list = byPerson.get(row.byId) ?? [];
    list.push(Number(row.seconds));
    byPerson.set(row.byId, list);
  }
  for (const list of byPerson.values()) list.sort((a, b) => a - b);
  return byPerson;
}

/** Sums per currency, largest first; currencies with nothing valued are left out. */
function moneyTotals(parts: MoneyTotal[]): MoneyTotal[] {
  const sums = new Map<string, number>();
  for (const part of parts) sums.set(part.currency, (sums.get(part.currency) ?? 0) + part.value);
  return [...sums].filter(([, value]) => value > 0).map(([currency, value]) => ({ currency, value })).sort((a, b) => b.value - a.value);
}
