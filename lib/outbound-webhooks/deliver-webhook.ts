import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { JobDefinition } from "@/lib/jobs/job-types";
import { fencedFetch } from "@/lib/net/fenced-fetch";
import { writeAuditLog } from "@/lib/settings/audit-log";
import { fenceFor } from "./endpoint-url";
import { DELIVER_WEBHOOK_JOB } from "./record-webhook-event";
import { openSigningSecret } from "./signing-secret";
import { forgetSubscriptions } from "./subscriptions";

/**
 * Sends one event to one endpoint, as a job on the runner (lib/jobs/): the job's lease makes one
 * instance send it, and a failure (a timeout, a refused connection, any non-2xx answer, a redirect)
 * throws, so the runner retries with exponential backoff. Retries stop when the event is older than
 * WEBHOOKS_RETRY_FOR_MS; an endpoint with no success for WEBHOOKS_DISABLE_AFTER_MS is disabled and
 * admins are told (audit trail, and the notice on Settings → Outgoing webhooks). Every attempt
 * carries the event's id as `webhook-id`, so receivers can drop the duplicates at-least-once implies.
 */

const RESPONSE_EXCERPT_CHARS = 500;

class DeliveryFailed extends Error {}

export const deliverWebhookJob: JobDefinition<{ deliveryId: string }> = {
  kind: DELIVER_WEBHOOK_JOB,
  maxAttempts: Number.POSITIVE_INFINITY,
  retryBaseMs: env.WEBHOOKS_RETRY_BASE_MS,
  maxRetryDelayMs: 3_600_000,
  // The POST's deadline plus a few writes: a crashed instance's claim lapses soon after.
  leaseMs: env.WEBHOOKS_TIMEOUT_MS + 10_000,
  run: ({ deliveryId }) => deliverWebhook(deliveryId),
};

export async function deliverWebhook(deliveryId: string): Promise<void> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      status: true,
      attempts: true,
      event: { select: { id: true, payload: true, createdAt: true } },
      endpoint: { select: { id: true, url: true, secret: true, enabled: true, failingSince: true } },
    },
  });
  if (!delivery || delivery.status !== "pending") return;
  const { endpoint, event } = delivery;
  if (!endpoint.enabled) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "failed", lastResponse: "Not sent: the endpoint is disabled" } });
    return;
  }

  const attemptAt = new Date();
  const outcome = await post(endpoint.url, openSigningSecret(endpoint.secret), event.id, event.payload, attemptAt);
  const record = {
    attempts: delivery.attempts + 1,
    lastAttemptAt: attemptAt,
    lastStatusCode: outcome.statusCode,
    lastDurationMs: outcome.durationMs,
    lastResponse: outcome.response.slice(0, RESPONSE_EXCERPT_CHARS),
  };
  if (outcome.ok) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { ...record, status: "delivered", deliveredAt: new Date() } });
    // A write only when the endpoint was failing: the common success costs one statement.
    if (endpoint.failingSince) await db.webhookEndpoint.updateMany({ where: { id: endpoint.id }, data: { failingSince: null } });
    return;
  }

  const failingSince = endpoint.failingSince ?? attemptAt;
  if (!endpoint.failingSince) await db.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: null }, data: { failingSince } });
  const now = Date.now();
  if (now - failingSince.getTime() >= env.WEBHOOKS_DISABLE_AFTER_MS) {
    await disableEndpoint(endpoint.id, endpoint.url, failingSince);
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { ...record, status: "failed" } });
    return;
  }
  if (now - event.createdAt.getTime() >= env.WEBHOOKS_RETRY_FOR_MS) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { ...record, status: "failed" } });
    return;
  }
  await db.webhookDelivery.update({ where: { id: deliveryId }, data: record });
  throw new DeliveryFailed(`webhook ${event.id} to endpoint ${endpoint.id}: ${outcome.statusCode ?? "no answer"}`);
}

interface PostOutcome {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  response: string;
}

async function post(url: string, secret: string, webhookId: string, payload: string, at: Date): Promise<PostOutcome> {
  const signature = new Webhook(secret).sign(webhookId, at, payload);
  const started = performance.now();
  try {
    const response = await fencedFetch(url, {
      ...fenceFor(url),
      method: "POST",
      body: payload,
      signal: AbortSignal.timeout(env.WEBHOOKS_TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": "UnifiedInbox-Webhooks/1",
        "webhook-id": webhookId,
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": signature,
      },
    });
    const text = await response.text();
    return { ok: response.status >= 200 && response.status < 300, statusCode: response.status, durationMs: elapsed(started), response: text };
  } catch (error) {
    const reason = error instanceof Error ? (error.name === "TimeoutError" ? `Timed out after ${env.WEBHOOKS_TIMEOUT_MS} ms` : error.message) : String(error);
    return { ok: false, statusCode: null, durationMs: elapsed(started), response: reason };
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

async function disableEndpoint(id: string, url: string, failingSince: Date): Promise<void> {
  const reason = `Disabled: every delivery failed since ${failingSince.toISOString()}`;
  const { count } = await db.webhookEndpoint.updateMany({
    where: { id, enabled: true },
    data: { enabled: false, disabledAt: new Date(), disabledReason: reason },
  });
  if (count === 0) return;
  forgetSubscriptions();
  await writeAuditLog({ actorId: null, action: "webhook.disable", target: url, details: { id, failingSince: failingSince.toISOString() } });
  console.error(`[webhooks] endpoint ${id} disabled after failing since ${failingSince.toISOString()}`);
}
