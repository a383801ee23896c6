import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJobs, kickJobs } from "@/lib/jobs/job-runner";
import type { WebhookEventType } from "./event-types";
import { subscribersOf } from "./subscriptions";

export const DELIVER_WEBHOOK_JOB = "webhooks.deliver";
export const FAN_OUT_WEBHOOK_JOB = "webhooks.fan-out";

export interface WebhookEventInput {
  type: WebhookEventType;
  data: Record<string, unknown>;
}

/**
 * The outbox: call inside the transaction that makes the change, so the event exists exactly when
 * the change commits (a rollback takes it back, a crash after the commit can't lose it). Two rows
 * per event with subscribers — the WebhookEvent and one fan-out job naming the endpoints subscribed
 * at commit time — and nothing at all when no endpoint wants the type. The fan-out job
 * (fan-out-webhook-event.ts) then creates one delivery and one delivery job per endpoint, off the
 * path of the change.
 *
 * The runner is kicked on the next tick, so work starts once the transaction commits: on SQLite its
 * query waits for the open transaction; on PostgreSQL, should it look before the commit, the next
 * poll (JOBS_POLL_INTERVAL_MS) finds the rows. Nobody waits for a subscriber.
 */
export async function recordWebhookEvents(tx: Prisma.TransactionClient, events: WebhookEventInput[]): Promise<number> {
  const createdAt = new Date();
  const eventRows: { id: string; type: string; payload: string; createdAt: Date }[] = [];
  const jobs: { kind: string; payload: { eventId: string; endpointIds: string[] } }[] = [];
  for (const event of events) {
    const endpointIds = await subscribersOf(event.type, tx);
    if (endpointIds.length === 0) continue;
    const id = `msg_${randomUUID().replaceAll("-", "")}`;
    const payload = JSON.stringify({ id, type: event.type, createdAt: createdAt.toISOString(), data: event.data });
    eventRows.push({ id, type: event.type, payload, createdAt });
    jobs.push({ kind: FAN_OUT_WEBHOOK_JOB, payload: { eventId: id, endpointIds } });
  }
  if (eventRows.length === 0) return 0;
  await tx.webhookEvent.createMany({ data: eventRows });
  await enqueueJobs(tx, jobs);
  setTimeout(kickJobs, 0);
  return eventRows.length;
}
