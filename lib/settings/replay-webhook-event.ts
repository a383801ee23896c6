import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { replayEvent, type EventOutcome } from "@/lib/inbox/ingest/process-event";
import { writeAuditLog } from "@/lib/settings/audit-log";

/**
 * Settings → Webhook events → Replay: re-runs a failed or ignored delivery — of a partial one, only
 * its failed items — through the same idempotent pipeline (messages already stored stay single)
 * and records who did it.
 */
export async function replayWebhookEvent(eventLogId: string, actorId: string): Promise<EventOutcome> {
  const event = await db.externalEventLog.findUnique({ where: { id: eventLogId }, select: { status: true, source: true } });
  if (!event) throw new ApiError({ code: "NOT_FOUND", message: "No such webhook event" });
  if (event.status !== "FAILED" && event.status !== "PARTIAL" && event.status !== "IGNORED") {
    throw new ApiError({ code: "CONFLICT", message: `Only failed, partial or ignored events can be replayed; this one is ${event.status.toLowerCase()}` });
  }
  const outcome = await replayEvent(eventLogId);
  await writeAuditLog({
    actorId,
    action: "event.replay",
    target: `${event.source} ${eventLogId}`,
    details: { from: event.status, result: outcome.status, stored: outcome.stored, failedItems: outcome.itemOutcomes?.failedCount ?? null },
  });
  return outcome;
}
