import { db } from "@/lib/db";
import { writeAuditLog } from "@/lib/settings/audit-log";
import type { CreateApiTokenInput } from "@/lib/validations/api-tokens";
import { hashApiToken, newApiTokenSecret, visiblePrefixOf } from "./token-secret";

/** Creates a token and returns its secret: the only time it exists outside the caller's hands. */
export async function createApiToken(input: CreateApiTokenInput, actorId: string): Promise<{ id: string; token: string }> {
  const token = newApiTokenSecret();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { name: input.name, scope: input.scope, tokenHash: hashApiToken(token), prefix: visiblePrefixOf(token), createdById: actorId },
      select: { id: true },
    });
    await writeAuditLog({ actorId, action: "api-token.create", target: input.name, details: { id: created.id, scope: input.scope } }, tx);
    return created;
  });
  return { id: row.id, token };
}
