import { useCallback, useMemo } from "react";
import { useSWRConfig } from "swr";
import type { LeadStatusValue } from "@/lib/inbox/constants";
import type { LeadJson } from "@/lib/leads/api-types";
import { requestJson } from "@/lib/swr/fetcher";
import type { BulkUpdateLeadsInput, UpdateLeadInput } from "@/lib/validations/lead";

/** Every cached view of leads (board, table pages, lead panels) and the inbox's conversations, which show their lead. */
const refreshes = (key: unknown) => typeof key === "string" && (/^(\$inf\$)?\/api\/leads/.test(key) || key.startsWith("/api/inbox/conversations/"));

/**
 * The pipeline's writes. Each answers the server's lead, then revalidates every cached view of
 * leads, so the board, the table and the inbox panel agree (teammates get the same through SSE).
 */
export function useLeadActions() {
  const { mutate } = useSWRConfig();
  const refresh = useCallback(() => mutate(refreshes), [mutate]);
  return useMemo(() => {
    const after = async <T,>(request: Promise<T>) => {
      try {
        return await request;
      } finally {
        void refresh();
      }
    };
    return {
      update: (id: string, patch: UpdateLeadInput) => after(requestJson<{ lead: LeadJson }>(`/api/leads/${id}`, { method: "PATCH", body: patch })),
      merge: (id: string, leadId: string, status?: LeadStatusValue) =>
        after(requestJson<{ lead: LeadJson }>(`/api/leads/${id}/merge`, { method: "POST", body: { leadId, ...(status ? { status } : {}) } })),
      split: (id: string, contactId: string) =>
        after(requestJson<{ lead: LeadJson; newLead: LeadJson }>(`/api/leads/${id}/split`, { method: "POST", body: { contactId } })),
      bulk: (input: BulkUpdateLeadsInput) => after(requestJson<{ updated: number }>("/api/leads/bulk", { method: "POST", body: input })),
    };
  }, [refresh]);
}
