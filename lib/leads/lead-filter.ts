import type { SessionUser } from "@/lib/auth";
import { dbProvider } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { visibleLeadWhere } from "@/lib/leads/visibility";
import type { LeadFilterQuery } from "@/lib/validations/lead";

/** PostgreSQL compares case-sensitively unless told; SQLite's LIKE already folds ASCII (and refuses `mode`). */
const insensitive = dbProvider === "postgresql" ? ({ mode: "insensitive" } as const) : {};

/**
 * The `where` for the list, the board and the export: the caller's visibility first (an agent
 * limited to their own leads never sees another rep's, whatever the filters say), then each filter.
 */
export async function leadFilterWhere(filter: Omit<LeadFilterQuery, "sort">, user: Pick<SessionUser, "id" | "role">): Promise<Prisma.LeadWhereInput[]> {
  const where: Prisma.LeadWhereInput[] = [await visibleLeadWhere(user)];
  if (filter.status) where.push({ status: { in: filter.status } });
  if (filter.ownerId) where.push({ ownerId: filter.ownerId === "none" ? null : filter.ownerId === "me" ? user.id : filter.ownerId });
  if (filter.channel) where.push({ contacts: { some: { channel: filter.channel } } });
  if (filter.label) where.push({ conversations: { some: { labels: { some: { labelId: filter.label } } } } });
  if (filter.source === "ad") where.push({ sourceKind: "ad" });
  if (filter.source === "organic") where.push({ OR: [{ sourceKind: null }, { sourceKind: { not: "ad" } }] });
  if (filter.lastContactFrom) where.push({ lastContactAt: { gte: new Date(filter.lastContactFrom) } });
  if (filter.lastContactTo) where.push({ lastContactAt: { lte: new Date(filter.lastContactTo) } });
  if (filter.q) where.push(textSearchWhere(filter.q));
  return where.filter((part) => Object.keys(part).length > 0);
}

/**
 * Names (the lead's own and its contacts'), usernames on either channel, and phone numbers: a
 * query with digits also matches the digits of a phone however it was typed ("+351 934-000").
 */
function textSearchWhere(q: string): Prisma.LeadWhereInput {
  const text = { contains: q, ...insensitive };
  const username = q.replace(/^@/, "");
  const contactMatches: Prisma.ContactWhereInput[] = [
    { displayName: text },
    { instagramUsername: { contains: username, ...insensitive } },
    { whatsappUsername: { contains: username, ...insensitive } },
  ];
  const digits = q.replace(/[\s()+.-]/g, "");
  if (/^\d{3,}$/.test(digits)) contactMatches.push({ whatsappId: { contains: digits } });
  return { OR: [{ name: text }, { contacts: { some: { OR: contactMatches } } }] };
}
