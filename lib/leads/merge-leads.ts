import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { leadNotFound, loadLead } from "@/lib/leads/get-lead";
import { leadSourceSelect, sourceFields } from "@/lib/leads/lead-select";
import { laterStage } from "@/lib/leads/stage-rules";
import { visibleLeadWhere } from "@/lib/leads/visibility";
import { eventBus } from "@/lib/realtime/bus";
import { writeAuditLog } from "@/lib/settings/audit-log";
import { recordWebhookEvents } from "@/lib/outbound-webhooks/record-webhook-event";
import { leadUpdated } from "@/lib/outbound-webhooks/webhook-payloads";
import type { MergeLeadInput } from "@/lib/validations/lead";

const mergeSelect = {
  id: true,
  name: true,
  status: true,
  value: true,
  currency: true,
  ownerId: true,
  wonAt: true,
  lostReason: true,
  lastContactAt: true,
  lastContactChannel: true,
  createdAt: true,
  ...leadSourceSelect,
} as const;

/**
 * Merges lead `input.leadId` into lead `id` (the same person reached us on two channels): its
 * contacts, conversations, notes and communication logs move over in one transaction, and the
 * merged-away lead is deleted, so its id answers 404 from then on. What the survivor keeps:
 * - stage: the one the user chose, else the later in the pipeline;
 * - value, owner, name: its own when set, else the other's (a value keeps its currency);
 * - source and createdAt: whichever lead was touched first (the first touch is what brought them);
 * - last contact: the more recent.
 */
export async function mergeLeads(id: string, input: MergeLeadInput, user: Pick<SessionUser, "id" | "role">) {
  if (input.leadId === id) {
    throw new ApiError({ code: "VALIDATION_FAILED", message: "A lead can't be merged into itself", details: [{ field: "leadId", issue: "Same lead" }] });
  }
  const visible = await visibleLeadWhere(user);
  const [target, other] = await Promise.all(
    [id, input.leadId].map((leadId) => db.lead.findFirst({ where: { AND: [{ id: leadId }, visible] }, select: mergeSelect })),
  );
  if (!target) throw leadNotFound();
  if (!other) {
    throw new ApiError({ code: "NOT_FOUND", message: "The lead to merge in was not found", details: [{ field: "leadId", issue: "Not found" }] });
  }

  const status = input.status ?? laterStage(target.status, other.status);
  const firstTouch = other.createdAt < target.createdAt ? other : target;
  const source = firstTouch.sourceKind ? firstTouch : (target.sourceKind ? target : other);
  const latest = (other.lastContactAt?.getTime() ?? 0) > (target.lastContactAt?.getTime() ?? 0) ? other : target;
  const valueFrom = target.value !== null ? target : other;
  const now = new Date();
  // The kept stage's own dates and reason: from whichever lead already had that stage.
  const stageOwner = [target, other].find((lead) => lead.status === status);
  const data = {
    status,
    ...(status !== target.status ? { statusChangedAt: now } : {}),
    wonAt: status === "WON" ? (stageOwner?.wonAt ?? now) : null,
    lostReason: status === "LOST" ? (target.lostReason ?? other.lostReason) : null,
    name: target.name ?? other.name,
    value: valueFrom.value,
    currency: valueFrom.currency,
    ownerId: target.ownerId ?? other.ownerId,
    createdAt: firstTouch.createdAt,
    lastContactAt: latest.lastContactAt,
    lastContactChannel: latest.lastContactChannel,
    ...sourceFields(source),
  };

  await db.$transaction(async (tx) => {
    const move = { where: { leadId: other.id }, data: { leadId: id } };
    await tx.contact.updateMany(move);
    await tx.conversation.updateMany(move);
    await tx.leadNote.updateMany(move);
    await tx.communicationLog.updateMany(move);
    await tx.lead.delete({ where: { id: other.id } });
    await tx.lead.update({ where: { id }, data });
    await writeAuditLog({ actorId: user.id, action: "lead.merge", target: id, details: { mergedLeadId: other.id, status } }, tx);
    await recordWebhookEvents(tx, [leadUpdated({ id, changes: { mergedLeadId: other.id, status: data.status }, actorId: user.id })]);
  });
  await Promise.all([eventBus.publish({ type: "lead.updated", leadId: id }), eventBus.publish({ type: "lead.updated", leadId: other.id })]);
  return { lead: await loadLead(id) };
}
