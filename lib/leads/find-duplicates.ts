import type { SessionUser } from "@/lib/auth";
import { db, dbProvider } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getLead } from "@/lib/leads/get-lead";
import { leadOrder } from "@/lib/leads/lead-cursor";
import { leadSelect, toLead, type Lead } from "@/lib/leads/lead-select";
import { normalizeName } from "@/lib/leads/normalize-name";
import { visibleLeadWhere } from "@/lib/leads/visibility";

export type DuplicateReason = "phone" | "name";

export interface DuplicateSuggestion {
  lead: Lead;
  reasons: DuplicateReason[];
}

const SUGGESTIONS = 10;
const CANDIDATES = 200;
/** Shorter names ("Jo", "A") match too many people to be worth suggesting. */
const MIN_NAME_LENGTH = 4;
const MIN_WORD_LENGTH = 3;

/**
 * Leads that are probably the same person as this one: a contact with the same phone digits, or
 * the same normalised name on a channel this lead is not on yet (Sofia on Instagram and Sofía on
 * WhatsApp). Suggestions only: merging is always the user's call. Only leads the caller may see.
 */
export async function findDuplicateLeads(id: string, user: Pick<SessionUser, "id" | "role">): Promise<{ duplicates: DuplicateSuggestion[] }> {
  const lead = await getLead(id, user);
  const phones = [...new Set(lead.contacts.flatMap((contact) => (contact.phone ? [contact.phone] : [])))];
  const names = new Set(
    [lead.nameEdited ? lead.name : null, ...lead.contacts.map((contact) => contact.displayName)]
      .map(normalizeName)
      .filter((name) => name.length >= MIN_NAME_LENGTH),
  );
  const channels = new Set(lead.contacts.map((contact) => contact.channel));
  // SQL narrows by the words of each name (case-insensitively; any word, since "Sofía" does not
  // contain "sofia" for either database); exact normalised equality is checked here.
  const words = [...new Set([...names].flatMap((name) => name.split(" ")).filter((word) => word.length >= MIN_WORD_LENGTH))];
  const insensitive = dbProvider === "postgresql" ? ({ mode: "insensitive" } as const) : {};
  if (phones.length === 0 && words.length === 0) return { duplicates: [] };

  const rows = await db.lead.findMany({
    where: {
      AND: [
        { id: { not: id } },
        await visibleLeadWhere(user),
        {
          OR: [
            ...(phones.length ? [{ contacts: { some: { whatsappId: { in: phones } } } }] : []),
            ...words.flatMap((word) => [
              { name: { contains: word, ...insensitive } },
              { contacts: { some: { displayName: { contains: word, ...insensitive } } } },
            ]),
          ],
        },
      ],
    },
    orderBy: leadOrder("lastContactAt", { explicitNullsLast: dbProvider === "postgresql" }) as Prisma.LeadOrderByWithRelationInput[],
    take: CANDIDATES,
    select: leadSelect,
  });

  const duplicates: DuplicateSuggestion[] = [];
  for (const candidate of rows.map(toLead)) {
    const reasons: DuplicateReason[] = [];
    if (candidate.contacts.some((contact) => contact.phone && phones.includes(contact.phone))) reasons.push("phone");
    const sameName = candidate.contacts.some((contact) => !channels.has(contact.channel) && names.has(normalizeName(contact.displayName)))
      || (candidate.nameEdited && names.has(normalizeName(candidate.name)));
    if (sameName) reasons.push("name");
    if (reasons.length) duplicates.push({ lead: candidate, reasons });
    if (duplicates.length === SUGGESTIONS) break;
  }
  return { duplicates };
}
