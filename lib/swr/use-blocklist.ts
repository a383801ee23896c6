import useSWR from "swr";
import type { BlockedEntry } from "@/lib/inbox/blocklist";
import { fetcher } from "@/lib/swr/fetcher";

export const BLOCKLIST_KEY = "/api/settings/blocklist";

export function useBlocklist(fallback: BlockedEntry[]) {
  return useSWR<{ blocked: BlockedEntry[] }>(BLOCKLIST_KEY, fetcher, {
    fallbackData: { blocked: fallback },
    revalidateOnMount: false,
  });
}
