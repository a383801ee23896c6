import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { assertOwnerCanOwn } from "@/lib/leads/assert-owner";
import { leadNotFound, loadLead } from "@/lib/leads/get-lead";
import { stageChange } from "@/lib/leads/stage-rules";
import { visibleLeadWhere } from "@/lib/leads/visibility";
import { eventBus } from "@/lib/realtime/bus";
import { writeAuditLog } from "@/lib/settings/audit-log";
import type { UpdateLeadInput } from "@/lib/validations/lead";
import { recordWebhookEvents } from "@/lib/outbound-webhooks/record-webhook-event";
import { leadUpdated } from "@/lib/outbound-webhooks/webhook-payloads";

/**
 * PATCH a lead: stage (stamping statusChangedAt / wonAt, see stage-rules), owner, value and
 * currency, name (empty → back to the first contact's), lost reason. The change and its audit
 * entry commit together; teammates' boards hear of it on the event bus.
 */
export async function updateLead(id: string, input: UpdateLeadInput, user: Pick<SessionUser, "id" | "role">) {
  const current = await db.lead.findFirst({
    where: { AND: [{ id }, await visibleLeadWhere(user)] },
    select: { id: true, status: true, wonAt: true, lostReason: true, ownerId: true },
  });
  if (!current) throw leadNotFound();
  if (input.ownerId) await assertOwnerCanOwn(input.ownerId);

  const data = {
    ...(input.status ? stageChange(current, input.status, new Date(), input.lostReason) : {}),
    ...(input.lostReason !== undefined && !input.status ? { lostReason: input.lostReason || null } : {}),
    ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
    ...(input.value !== undefined ? { value: input.value } : {}),
    ...(input.currency !== undefined ? { currency: input.currency } : {}),
    ...(input.name !== undefined ? { name: input.name || null } : {}),
  };
  await db.$transaction(async (tx) => {
    await tx.lead.update({ where: { id }, data });
    await writeAuditLog(
      {
        actorId: user.id,
        action: "lead.update",
        target: id,
        details: { fields: Object.keys(data), ...(input.status && input.status !== current.status ? { from: current.status, to: input.status } : {}) },
      },
      tx,
    );
    await recordWebhookEvents(tx, [leadUpdated({ id, changes: input, actorId: user.id })]);
  });
  await eventBus.publish({ type: "lead.updated", leadId: id });
  return { lead: await loadLead(id) };
}
