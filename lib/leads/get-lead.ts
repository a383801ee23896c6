import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { leadSelect, toLead, type Lead } from "@/lib/leads/lead-select";
import { visibleLeadWhere } from "@/lib/leads/visibility";

type Reader = Pick<Prisma.TransactionClient, "lead">;

export function leadNotFound() {
  return new ApiError({ code: "NOT_FOUND", message: "Lead not found" });
}

/**
 * A lead the caller may see, or 404: a lead hidden from an agent answers exactly as one that does
 * not exist, so ids can't be probed.
 */
export async function getLead(id: string, user: Pick<SessionUser, "id" | "role">, client: Reader = db): Promise<Lead> {
  const row = await client.lead.findFirst({ where: { AND: [{ id }, await visibleLeadWhere(user)] }, select: leadSelect });
  if (!row) throw leadNotFound();
  return toLead(row);
}

/**
 * A lead by id whoever asks, for answering a write the caller was allowed to make: an agent who
 * hands their lead to a teammate may no longer see it, yet gets the result of their change.
 */
export async function loadLead(id: string, client: Reader = db): Promise<Lead> {
  const row = await client.lead.findUnique({ where: { id }, select: leadSelect });
  if (!row) throw leadNotFound();
  return toLead(row);
}

/** Throws 404 unless the caller may see the lead; for writes that need only the check. */
export async function assertLeadVisible(id: string, user: Pick<SessionUser, "id" | "role">): Promise<void> {
  const row = await db.lead.findFirst({ where: { AND: [{ id }, await visibleLeadWhere(user)] }, select: { id: true } });
  if (!row) throw leadNotFound();
}
