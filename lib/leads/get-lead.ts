import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { leadSelect, toLead, type Lead } from "@/lib/leads/lead-select";
import { visibleLeadWhere } from "@/lib/leads/visibility";

export function leadNotFound() {
  return new ApiError({ code: "NOT_FOUND", message: "Lead not found" });
}

/**
 * A lead the caller may see, or 404: a lead hidden from an agent answers exactly as one that does
 * not exist, so ids can't be probed.
 */
export async function getLead(id: string, user: Pick<SessionUser, "id" | "role">): Promise<Lead> {
  const row = await db.lead.findFirst({ where: { AND: [{ id }, await visibleLeadWhere(user)] }, select: leadSelect });
  if (!row) throw leadNotFound();
  return toLead(row);
}

/**
 * A lead by id whoever asks, for answering a write the caller was allowed to make: an agent who
 * hands their lead to a teammate may no longer see it, yet gets the result of their change.
 */
export async function loadLead(id: string): Promise<Lead> {
  const row = await db.lead.findUnique({ where: { id }, select: leadSelect });
  if (!row) throw leadNotFound();
  return toLead(row);
}
