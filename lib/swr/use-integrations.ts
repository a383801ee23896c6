import useSWR from "swr";
import type { IntegrationView } from "@/lib/settings/list-integrations";
import { fetcher } from "@/lib/swr/fetcher";

export const INTEGRATIONS_KEY = "/api/settings/integrations";

export function useIntegrations(fallback: IntegrationView[]) {
  return useSWR<{ integrations: IntegrationView[] }>(INTEGRATIONS_KEY, fetcher, {
    fallbackData: { integrations: fallback },
    revalidateOnMount: false,
  });
}
