import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJobs, kickJobs } from "@/lib/jobs/job-runner";
import type { WebhookEventType } from "./event-types";
import { subscribersOf } from "./subscriptions";

export const DELIVER_WEBHOOK_JOB = "webhooks.deliver";

export interface WebhookEventInput {
  type: WebhookEventType;
  data: Record<string, unknown>;
}

/**
 * The outbox: call inside the transaction that makes the change, so the event exists exactly when
 * the change commits (a rollback takes it back, a crash after the commit can't lose it). One
 * WebhookEvent per event, one delivery and one delivery job per subscribed endpoint; nothing at all
 * when no endpoint wants the type.
 *
 * The runner is kicked on the next tick, so deliveries start once the transaction commits: on
 * SQLite its query waits for the open transaction; on PostgreSQL, should it look before the commit,
 * the next poll (JOBS_POLL_INTERVAL_MS) finds the rows. Nobody waits for a subscriber.
 */
export async function recordWebhookEvents(tx: Prisma.TransactionClient, events: WebhookEventInput[]): Promise<number> {
  const createdAt = new Date();
  const eventRows: { id: string; type: string; payload: string; createdAt: Date }[] = [];
  const deliveryRows: { id: string; eventId: string; endpointId: string; createdAt: Date }[] = [];
  for (const event of events) {
    const endpointIds = await subscribersOf(event.type, tx);
    if (endpointIds.length === 0) continue;
    const id = `msg_${randomUUID().replaceAll("-", "")}`;
    const payload = JSON.stringify({ id, type: event.type, createdAt: createdAt.toISOString(), data: event.data });
    eventRows.push({ id, type: event.type, payload, createdAt });
    for (const endpointId of endpointIds) deliveryRows.push({ id: randomUUID(), eventId: id, endpointId, createdAt });
  }
  if (eventRows.length === 0) return 0;
  await tx.webhookEvent.createMany({ data: eventRows });
  await tx.webhookDelivery.createMany({ data: deliveryRows });
  await enqueueJobs(tx, deliveryRows.map((delivery) => ({ kind: DELIVER_WEBHOOK_JOB, payload: { deliveryId: delivery.id } })));
  setTimeout(kickJobs, 0);
  return eventRows.length;
}
