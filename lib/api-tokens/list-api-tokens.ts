import { db } from "@/lib/db";
import type { ApiTokenScope } from "@/lib/validations/api-tokens";

export interface ApiTokenSummary {
  id: string;
  name: string;
  scope: ApiTokenScope;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  createdBy: { id: string; name: string; email: string };
}

/** Live tokens, newest first; revoked ones are gone from the list (the audit trail keeps them). */
export async function listApiTokens(): Promise<ApiTokenSummary[]> {
  const rows = await db.apiToken.findMany({
    where: { revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      scope: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      createdBy: { select: { id: true, name: true, email: true } },
    },
  });
  return rows.map((row) => ({
    ...row,
    scope: row.scope as ApiTokenScope,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  }));
}
