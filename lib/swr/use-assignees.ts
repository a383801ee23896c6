import useSWR from "swr";
import type { TeamMember } from "@/lib/inbox/api-types";
import { requestJson } from "@/lib/swr/fetcher";

/** Active teammates for the inbox's assign menu (any staff member; the settings team list is admin-only). */
export function useAssignees() {
  return useSWR<{ team: TeamMember[] }>("/api/inbox/team", requestJson, { revalidateOnFocus: false });
}
