import useSWR from "swr";
import type { StaffMember } from "@/lib/settings/list-users";
import { fetcher } from "@/lib/swr/fetcher";

export const TEAM_KEY = "/api/settings/users";

export function useTeam(fallback: StaffMember[]) {
  return useSWR<{ users: StaffMember[] }>(TEAM_KEY, fetcher, {
    fallbackData: { users: fallback },
    revalidateOnMount: false,
  });
}
