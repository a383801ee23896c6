import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { enqueueJobs } from "@/lib/jobs/job-runner";
import type { JobDefinition } from "@/lib/jobs/job-types";
import { DELIVER_WEBHOOK_JOB, FAN_OUT_WEBHOOK_JOB } from "./record-webhook-event";

/**
 * One event → one delivery row and one delivery job per endpoint subscribed when it was committed,
 * written together; the job row goes with them (the runner deletes it after this commits), and the
 * unique (event, endpoint) pair makes a repeated run — after a crash between the two — a no-op.
 */
export const fanOutWebhookEventJob: JobDefinition<{ eventId: string; endpointIds: string[] }> = {
  kind: FAN_OUT_WEBHOOK_JOB,
  // One small transaction: a crash mid-run should hold the event back seconds, not the default lease.
  leaseMs: 30_000,
  async run({ eventId, endpointIds }) {
    await db.$transaction(async (tx) => {
      const existing = await tx.webhookDelivery.findMany({ where: { eventId }, select: { endpointId: true } });
      const done = new Set(existing.map((row) => row.endpointId));
      const live = await tx.webhookEndpoint.findMany({ where: { id: { in: endpointIds.filter((id) => !done.has(id)) } }, select: { id: true } });
      if (live.length === 0) return;
      const deliveries = live.map((endpoint) => ({ id: randomUUID(), eventId, endpointId: endpoint.id }));
      await tx.webhookDelivery.createMany({ data: deliveries });
      await enqueueJobs(tx, deliveries.map((delivery) => ({ kind: DELIVER_WEBHOOK_JOB, payload: { deliveryId: delivery.id } })));
    });
  },
};
