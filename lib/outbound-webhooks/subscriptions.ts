import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WebhookEventType } from "./event-types";

/**
 * Which enabled endpoints want which events, cached in memory so that a change with no subscriber
 * costs nothing: no query, no outbox row. The cache is dropped whenever this instance changes an
 * endpoint, and otherwise lives SUBSCRIPTIONS_TTL_MS, so an endpoint saved on another instance
 * starts receiving events within that time.
 */
export const SUBSCRIPTIONS_TTL_MS = 5_000;

interface Subscriptions {
  loadedAt: number;
  byType: Map<string, string[]>;
}

const globalForSubscriptions = globalThis as unknown as { webhookSubscriptions?: { current: Subscriptions | null } };
const cache = (globalForSubscriptions.webhookSubscriptions ??= { current: null });

export function forgetSubscriptions(): void {
  cache.current = null;
}

/** The ids of the enabled endpoints subscribed to `type`. Read inside the change's transaction when given. */
export async function subscribersOf(type: WebhookEventType, client: Pick<Prisma.TransactionClient, "webhookEndpoint"> = db): Promise<string[]> {
  const now = Date.now();
  if (!cache.current || now - cache.current.loadedAt > SUBSCRIPTIONS_TTL_MS) {
    const endpoints = await client.webhookEndpoint.findMany({ where: { enabled: true }, select: { id: true, events: true } });
    const byType = new Map<string, string[]>();
    for (const endpoint of endpoints) {
      for (const event of Array.isArray(endpoint.events) ? endpoint.events : []) {
        if (typeof event === "string") byType.set(event, [...(byType.get(event) ?? []), endpoint.id]);
      }
    }
    cache.current = { loadedAt: now, byType };
  }
  return cache.current.byType.get(type) ?? [];
}
