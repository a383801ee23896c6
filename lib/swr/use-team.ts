import useSWR from "swr";
import type { TeamMember } from "@/lib/inbox/api-types";
import { fetchJson } from "@/lib/swr/fetch-json";

export function useTeam() {
  return useSWR<{ team: TeamMember[] }>("/api/inbox/team", fetchJson, { revalidateOnFocus: false });
}
