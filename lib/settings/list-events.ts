import { describeDelivery } from "@/lib/channels/meta/describe-delivery";
import { getChannel, isChannelKey } from "@/lib/channels/registry";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isItemOutcomes, type ItemOutcomes } from "@/lib/inbox/ingest/item-outcomes";
import type { ListEventsQuery } from "@/lib/validations/settings";

/** Settings → Webhook events: the raw delivery log, newest first, for debugging a channel. */

export interface WebhookEventRow {
  id: string;
  source: string;
  status: "RECEIVED" | "PROCESSED" | "IGNORED" | "FAILED" | "PARTIAL";
  signatureValid: boolean;
  receivedAt: string;
  processedAt: string | null;
  attempts: number;
  error: string | null;
  rawBody: string;
  /** Per item: counts, the failed items and the unreadable ones with why (null when nothing went wrong). */
  itemOutcomes: ItemOutcomes | null;
  /** "WhatsApp", "Instagram": the channel as people spell it. */
  sourceLabel: string;
  /** Who sent it and what kind of event it is, read from the body (lib/channels/meta/describe-delivery.ts). */
  sender: string | null;
  kind: string | null;
}

export interface WebhookEventPage {
  events: WebhookEventRow[];
  nextCursor: string | null;
}

function describeEvent(rawBody: string) {
  const { sender, type } = describeDelivery(rawBody);
  return { sender, kind: type };
}

export async function listEvents(query: ListEventsQuery): Promise<WebhookEventPage> {
  const where: Prisma.ExternalEventLogWhereInput = {
    ...(query.source ? { source: query.source } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  const rows = await db.externalEventLog.findMany({
    where,
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      source: true,
      status: true,
      signatureValid: true,
      receivedAt: true,
      processedAt: true,
      attempts: true,
      error: true,
      rawBody: true,
      itemOutcomes: true,
    },
  });
  const page = rows.slice(0, query.limit);
  return {
    events: page.map((row) => ({
      ...row,
      itemOutcomes: isItemOutcomes(row.itemOutcomes) ? row.itemOutcomes : null,
      sourceLabel: isChannelKey(row.source) ? getChannel(row.source).label : row.source,
      ...describeEvent(row.rawBody),
      receivedAt: row.receivedAt.toISOString(),
      processedAt: row.processedAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

export interface EventCounters {
  received24h: number;
  /** Deliveries with failed items in the last 24 hours: FAILED whole, or PARTIAL. */
  failed24h: number;
}

export async function countRecentEvents(now = new Date()): Promise<EventCounters> {
  const [received24h, failed24h] = await Promise.all([
    db.externalEventLog.count({ where: { receivedAt: { gte: dayBefore(now) } } }),
    countFailedDeliveries(now),
  ]);
  return { received24h, failed24h };
}

const dayBefore = (now: Date) => new Date(now.getTime() - 24 * 60 * 60 * 1000);

/** Deliveries with failed items in the last 24 hours: what the events page and /api/health report. */
export function countFailedDeliveries(now = new Date()): Promise<number> {
  return db.externalEventLog.count({ where: { receivedAt: { gte: dayBefore(now) }, status: { in: ["FAILED", "PARTIAL"] } } });
}
