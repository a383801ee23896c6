import useSWR from "swr";
import type { WebhookDeliveryEntry, WebhookEndpointSummary } from "@/lib/outbound-webhooks/manage-endpoints";
import { fetcher } from "@/lib/swr/fetcher";

export const WEBHOOKS_KEY = "/api/settings/webhooks";

export function useWebhookEndpoints(fallback: WebhookEndpointSummary[]) {
  return useSWR<{ endpoints: WebhookEndpointSummary[] }>(WEBHOOKS_KEY, fetcher, { fallbackData: { endpoints: fallback }, revalidateOnMount: false });
}

/** The open endpoint's delivery log; null key (no request) until one is opened. Refreshed every few seconds while open. */
export function useWebhookDeliveries(endpointId: string | null) {
  return useSWR<{ deliveries: WebhookDeliveryEntry[] }>(endpointId ? `${WEBHOOKS_KEY}/${endpointId}/deliveries` : null, fetcher, {
    refreshInterval: 3_000,
  });
}
