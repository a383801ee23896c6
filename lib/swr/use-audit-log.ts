import useSWR from "swr";
import type { AuditEntry } from "@/lib/settings/audit-log";
import { fetcher } from "@/lib/swr/fetcher";
import type { AuditScope } from "@/lib/validations/settings";

export const auditLogKey = (scope: AuditScope) => `/api/settings/audit?scope=${scope}`;

export function useAuditLog(scope: AuditScope, fallback: AuditEntry[]) {
  return useSWR<{ entries: AuditEntry[] }>(auditLogKey(scope), fetcher, {
    fallbackData: { entries: fallback },
    revalidateOnMount: false,
  });
}
