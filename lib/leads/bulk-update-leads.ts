import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { assertOwnerCanOwn } from "@/lib/leads/assert-owner";
import { visibleLeadWhere } from "@/lib/leads/visibility";
import { eventBus } from "@/lib/realtime/bus";
import { writeAuditLog } from "@/lib/settings/audit-log";
import { recordWebhookEvents } from "@/lib/outbound-webhooks/record-webhook-event";
import { leadUpdated } from "@/lib/outbound-webhooks/webhook-payloads";
import type { BulkUpdateLeadsInput } from "@/lib/validations/lead";

/**
 * The table's bulk actions: assign an owner and/or move to a stage, for the selected leads the
 * caller may see (others are skipped, not reported, as they would be 404 one at a time). Leads
 * already in the stage keep their statusChangedAt; one audit entry covers the batch.
 */
export async function bulkUpdateLeads(input: BulkUpdateLeadsInput, user: Pick<SessionUser, "id" | "role">) {
  if (input.ownerId) await assertOwnerCanOwn(input.ownerId);
  const visible = await db.lead.findMany({ where: { AND: [{ id: { in: input.ids } }, await visibleLeadWhere(user)] }, select: { id: true } });
  const ids = visible.map((lead) => lead.id);
  const now = new Date();
  await db.$transaction(async (tx) => {
    if (input.ownerId !== undefined) await tx.lead.updateMany({ where: { id: { in: ids } }, data: { ownerId: input.ownerId } });
    if (input.status) {
      await tx.lead.updateMany({
        where: { id: { in: ids }, status: { not: input.status } },
        data: { status: input.status, statusChangedAt: now, wonAt: input.status === "WON" ? now : null, ...(input.status === "LOST" ? {} : { lostReason: null }) },
      });
    }
    await writeAuditLog(
      { actorId: user.id, action: "lead.bulk-update", target: `${ids.length} leads`, details: { ids, ...(input.status ? { status: input.status } : {}), ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}) } },
      tx,
    );
    const changes = { ...(input.status ? { status: input.status } : {}), ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}) };
    await recordWebhookEvents(tx, ids.map((leadId) => leadUpdated({ id: leadId, changes, actorId: user.id })));
  });
  await Promise.all(ids.map((leadId) => eventBus.publish({ type: "lead.updated", leadId })));
  return { updated: ids.length };
}
