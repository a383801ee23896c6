import useSWR from "swr";
import type { ApiTokenSummary } from "@/lib/api-tokens/list-api-tokens";
import { fetcher } from "@/lib/swr/fetcher";

export const API_TOKENS_KEY = "/api/settings/api-tokens";

export function useApiTokens(fallback: ApiTokenSummary[]) {
  return useSWR<{ tokens: ApiTokenSummary[] }>(API_TOKENS_KEY, fetcher, { fallbackData: { tokens: fallback }, revalidateOnMount: false });
}
