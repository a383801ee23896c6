import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { enqueueJob, kickJobs } from "@/lib/jobs/job-runner";
import { writeAuditLog } from "@/lib/settings/audit-log";
import type { CreateWebhookInput, UpdateWebhookInput } from "@/lib/validations/webhooks";
import { assertEndpointUrlAllowed } from "./endpoint-url";
import type { WebhookEventType } from "./event-types";
import { DELIVER_WEBHOOK_JOB } from "./record-webhook-event";
import { newSigningSecret, sealSigningSecret } from "./signing-secret";
import { forgetSubscriptions } from "./subscriptions";

/** Settings → Outgoing webhooks: endpoints, each change audited; the signing secret is returned once, at creation. */

export interface WebhookEndpointSummary {
  id: string;
  url: string;
  events: WebhookEventType[];
  enabled: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  failingSince: string | null;
  createdAt: string;
}

const summarySelect = {
  id: true,
  url: true,
  events: true,
  enabled: true,
  disabledAt: true,
  disabledReason: true,
  failingSince: true,
  createdAt: true,
} as const;

function toSummary(row: {
  id: string;
  url: string;
  events: unknown;
  enabled: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  failingSince: Date | null;
  createdAt: Date;
}): WebhookEndpointSummary {
  return {
    ...row,
    events: (Array.isArray(row.events) ? row.events : []) as WebhookEventType[],
    disabledAt: row.disabledAt?.toISOString() ?? null,
    failingSince: row.failingSince?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listWebhookEndpoints(): Promise<WebhookEndpointSummary[]> {
  const rows = await db.webhookEndpoint.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: summarySelect });
  return rows.map(toSummary);
}

export async function createWebhookEndpoint(input: CreateWebhookInput, actorId: string): Promise<{ id: string; secret: string }> {
  await assertEndpointUrlAllowed(input.url);
  const secret = newSigningSecret();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { url: input.url, events: input.events, secret: sealSigningSecret(secret), createdById: actorId },
      select: { id: true },
    });
    await writeAuditLog({ actorId, action: "webhook.create", target: input.url, details: { id: created.id, events: input.events } }, tx);
    return created;
  });
  forgetSubscriptions();
  return { id: row.id, secret };
}

export async function updateWebhookEndpoint(id: string, input: UpdateWebhookInput, actorId: string): Promise<WebhookEndpointSummary> {
  if (input.url) await assertEndpointUrlAllowed(input.url);
  const row = await db.$transaction(async (tx) => {
    const existing = await tx.webhookEndpoint.findUnique({ where: { id }, select: { url: true } });
    if (!existing) throw notFound();
    const updated = await tx.webhookEndpoint.update({
      where: { id },
      data: {
        ...(input.url ? { url: input.url } : {}),
        ...(input.events ? { events: input.events } : {}),
        ...(input.enabled === undefined
          ? {}
          : input.enabled
            ? { enabled: true, disabledAt: null, disabledReason: null, failingSince: null }
            : { enabled: false, disabledAt: new Date(), disabledReason: "Disabled by an admin" }),
      },
      select: summarySelect,
    });
    await writeAuditLog({ actorId, action: "webhook.update", target: updated.url, details: { id, fields: Object.keys(input) } }, tx);
    return updated;
  });
  forgetSubscriptions();
  return toSummary(row);
}

export async function deleteWebhookEndpoint(id: string, actorId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const existing = await tx.webhookEndpoint.findUnique({ where: { id }, select: { url: true } });
    if (!existing) throw notFound();
    // Its deliveries go with it (cascade); their jobs find nothing and end.
    await tx.webhookEndpoint.delete({ where: { id } });
    await writeAuditLog({ actorId, action: "webhook.delete", target: existing.url, details: { id } }, tx);
  });
  forgetSubscriptions();
}

export interface WebhookDeliveryEntry {
  id: string;
  eventId: string;
  type: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastResponse: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** The endpoint's delivery log, newest first. */
export async function listWebhookDeliveries(endpointId: string, limit = 50): Promise<WebhookDeliveryEntry[]> {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true } });
  if (!endpoint) throw notFound();
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      eventId: true,
      event: { select: { type: true } },
      status: true,
      attempts: true,
      lastStatusCode: true,
      lastDurationMs: true,
      lastResponse: true,
      lastAttemptAt: true,
      deliveredAt: true,
      createdAt: true,
    },
  });
  return rows.map(({ event, ...row }) => ({
    ...row,
    type: event.type,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Manual replay: the same event (same `webhook-id`) is sent again, whatever happened to it before. */
export async function replayWebhookDelivery(endpointId: string, deliveryId: string, actorId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId }, select: { eventId: true, endpoint: { select: { url: true, enabled: true } } } });
    if (!delivery) throw new ApiError({ code: "NOT_FOUND", message: "No such delivery for this endpoint" });
    if (!delivery.endpoint.enabled) throw new ApiError({ code: "CONFLICT", message: "Enable the endpoint before replaying to it" });
    await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "pending" } });
    await enqueueJob(DELIVER_WEBHOOK_JOB, { deliveryId }, { tx });
    await writeAuditLog({ actorId, action: "webhook.replay", target: delivery.endpoint.url, details: { id: endpointId, eventId: delivery.eventId } }, tx);
  });
  kickJobs();
}

function notFound() {
  return new ApiError({ code: "NOT_FOUND", message: "No such webhook endpoint" });
}
