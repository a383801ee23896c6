import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { writeAuditLog } from "@/lib/settings/audit-log";

/** Revoked at once: every request looks the token up, so the next one is refused. */
export async function revokeApiToken(id: string, actorId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id, revokedAt: null }, select: { name: true } });
    if (!token) throw new ApiError({ code: "NOT_FOUND", message: "No such API token (it may be revoked already)" });
    await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await writeAuditLog({ actorId, action: "api-token.revoke", target: token.name, details: { id } }, tx);
  });
}
