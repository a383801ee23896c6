import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { leadNotFound, loadLead } from "@/lib/leads/get-lead";
import { leadSourceSelect, sourceFields } from "@/lib/leads/lead-select";
import { visibleLeadWhere } from "@/lib/leads/visibility";
import { eventBus } from "@/lib/realtime/bus";
import { writeAuditLog } from "@/lib/settings/audit-log";
import { recordWebhookEvents } from "@/lib/outbound-webhooks/record-webhook-event";
import { leadCreated, leadUpdated } from "@/lib/outbound-webhooks/webhook-payloads";
import type { SplitLeadInput } from "@/lib/validations/lead";

/**
 * The undo of a merge: one contact, with its conversations and communication logs, leaves for a
 * new lead of its own. The new lead starts where the old one stands (stage, owner, currency) so
 * nobody's pipeline jumps; it takes the source when that came through this contact's channel and
 * no contact left behind shares it. Notes stay: they were written about the lead as it was.
 */
export async function splitLead(id: string, input: SplitLeadInput, user: Pick<SessionUser, "id" | "role">) {
  const lead = await db.lead.findFirst({
    where: { AND: [{ id }, await visibleLeadWhere(user)] },
    select: {
      id: true, status: true, ownerId: true, currency: true, statusChangedAt: true, wonAt: true, lostReason: true,
      ...leadSourceSelect,
      contacts: { select: { id: true, channel: true, createdAt: true } },
    },
  });
  if (!lead) throw leadNotFound();
  const contact = lead.contacts.find((candidate) => candidate.id === input.contactId);
  if (!contact) {
    throw new ApiError({ code: "VALIDATION_FAILED", message: "That contact is not part of this lead", details: [{ field: "contactId", issue: "Not on this lead" }] });
  }
  if (lead.contacts.length < 2) {
    throw new ApiError({ code: "CONFLICT", message: "This is the lead's only contact: there is nothing to split it from" });
  }
  const sourceMoves = lead.sourceChannel === contact.channel && !lead.contacts.some((other) => other.id !== contact.id && other.channel === contact.channel);

  const newLeadId = await db.$transaction(async (tx) => {
    const created = await tx.lead.create({
      data: {
        status: lead.status,
        ownerId: lead.ownerId,
        currency: lead.currency,
        statusChangedAt: lead.statusChangedAt,
        wonAt: lead.wonAt,
        lostReason: lead.lostReason,
        createdAt: contact.createdAt,
        ...(sourceMoves ? sourceFields(lead) : { sourceKind: "organic", sourceChannel: contact.channel }),
      },
      select: { id: true },
    });
    await tx.contact.update({ where: { id: contact.id }, data: { leadId: created.id } });
    await tx.conversation.updateMany({ where: { contactId: contact.id }, data: { leadId: created.id } });
    await tx.communicationLog.updateMany({ where: { contactId: contact.id }, data: { leadId: created.id } });
    if (sourceMoves) {
      const remaining = lead.contacts.find((other) => other.id !== contact.id)!;
      const organic = { sourceKind: "organic", sourceChannel: remaining.channel, sourceAdId: null, sourceHeadline: null, sourceUrl: null, sourceClickId: null };
      await tx.lead.update({ where: { id }, data: organic });
    }
    await Promise.all([refreshLastContact(tx, id), refreshLastContact(tx, created.id)]);
    await writeAuditLog({ actorId: user.id, action: "lead.split", target: id, details: { contactId: contact.id, newLeadId: created.id } }, tx);
    await recordWebhookEvents(tx, [
      leadCreated({ id: created.id, contactId: contact.id, channel: contact.channel }),
      leadUpdated({ id, changes: { splitContactId: contact.id, newLeadId: created.id }, actorId: user.id }),
    ]);
    return created.id;
  });
  await Promise.all([eventBus.publish({ type: "lead.updated", leadId: id }), eventBus.publish({ type: "lead.updated", leadId: newLeadId })]);
  const [kept, split] = await Promise.all([loadLead(id), loadLead(newLeadId)]);
  return { lead: kept, newLead: split };
}

/** A lead's last contact is its newest conversation's: recomputed when conversations change lead. */
async function refreshLastContact(tx: Prisma.TransactionClient, leadId: string) {
  const newest = await tx.conversation.findFirst({
    where: { leadId, lastMessageAt: { not: null } },
    orderBy: { lastMessageAt: "desc" },
    select: { lastMessageAt: true, channel: true },
  });
  await tx.lead.update({ where: { id: leadId }, data: { lastContactAt: newest?.lastMessageAt ?? null, lastContactChannel: newest?.channel ?? null } });
}
