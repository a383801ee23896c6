import { db } from "@/lib/db";
import { eventBus } from "@/lib/realtime/bus";

/**
 * Meta answers code 190 for a dead token, but also now and then for a token that works again on
 * the next call (a session invalidated mid-rotation, a renewal racing a send). One 190 records the
 * reason; this many in a row, with no success in between, raise the reconnect banner. Sends,
 * token renewals and connection tests all count.
 */
export const TOKEN_ERRORS_BEFORE_RECONNECT = 3;

/**
 * Counts a token error on the account (its Integration row name). Env-configured channels get a
 * bare row (no secrets, empty config) so the banner shows for them too; the credential loader
 * still falls back to env.
 */
export async function recordTokenError(integrationKey: string, reason: string): Promise<{ needsReconnect: boolean }> {
  const row = await db.integration.upsert({
    where: { name: integrationKey },
    create: { name: integrationKey, config: {}, tokenErrorCount: 1, lastError: reason, needsReconnect: TOKEN_ERRORS_BEFORE_RECONNECT <= 1 },
    update: { tokenErrorCount: { increment: 1 }, lastError: reason },
    select: { tokenErrorCount: true, needsReconnect: true },
  });
  if (row.tokenErrorCount >= TOKEN_ERRORS_BEFORE_RECONNECT && !row.needsReconnect) {
    await db.integration.update({ where: { name: integrationKey }, data: { needsReconnect: true } });
    await eventBus.publish({ type: "integration.updated", channel: integrationKey });
    return { needsReconnect: true };
  }
  return { needsReconnect: row.needsReconnect };
}

/** The token worked: whatever token errors were counted are over. */
export async function clearTokenErrors(integrationKey: string): Promise<void> {
  await db.integration.updateMany({
    where: { name: integrationKey, OR: [{ needsReconnect: true }, { tokenErrorCount: { gt: 0 } }] },
    data: { needsReconnect: false, tokenErrorCount: 0, lastError: null },
  });
}
