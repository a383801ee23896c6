import { describeError } from "@/lib/describe-error";
import { refreshInstagramToken } from "@/lib/channels/instagram/refresh-token";
import { GraphApiError } from "@/lib/channels/meta/graph-error";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { encryptionKey } from "@/lib/local-secrets";
import { eventBus } from "@/lib/realtime/bus";
import { writeAuditLog } from "@/lib/settings/audit-log";
import { loadIntegrationCredentials } from "@/lib/settings/channel-credentials";
import { accountKeysOf, integrationConfigSchema, loginVariantOf } from "@/lib/settings/integration-config";
import { isTokenRefreshDue } from "@/lib/settings/token-refresh-rule";
import { recordTokenError } from "@/lib/settings/token-errors";
import { integrationKeySchema } from "@/lib/validations/settings";

/**
 * Instagram Login tokens live 60 days and Meta renews them only while they are valid and at least
 * a day old. A background job (started in lib/start-up.ts) renews each one in the last 10 days of
 * its life, or a day after it was saved when its expiry is not known yet (Meta does not say when
 * a pasted token expires; the renewal's answer does). Facebook Login page tokens do not expire.
 */

export type RefreshOutcome = "refreshed" | "taken" | "failed";

/** One pass: every enabled Instagram Login account whose token is due. */
export async function refreshDueInstagramTokens(now = new Date()): Promise<Record<string, RefreshOutcome>> {
  const rows = await db.integration.findMany({
    // After repeated token errors only a reconnect helps: stop asking Meta until the admin saves a new token.
    where: { name: { in: accountKeysOf("instagram") }, isEnabled: true, accessToken: { not: null }, needsReconnect: false },
    select: { id: true, name: true, config: true, tokenRefreshedAt: true, tokenExpiresAt: true },
  });
  const outcomes: Record<string, RefreshOutcome> = {};
  for (const row of rows) {
    if (loginVariantOf("instagram", integrationConfigSchema.parse(row.config ?? {})) !== "instagram") continue;
    if (!isTokenRefreshDue({ refreshedAt: row.tokenRefreshedAt, expiresAt: row.tokenExpiresAt }, now)) continue;
    outcomes[row.name] = await refreshToken(row, now);
  }
  return outcomes;
}

async function refreshToken(row: { id: string; name: string; tokenRefreshedAt: Date | null }, now: Date): Promise<RefreshOutcome> {
  // Compare-and-set on the renewal time: with several instances on one PostgreSQL database only the
  // one whose update matches renews; the others see the row already moved on.
  const claim = await db.integration.updateMany({
    where: { id: row.id, tokenRefreshedAt: row.tokenRefreshedAt },
    data: { tokenRefreshedAt: now },
  });
  if (claim.count === 0) return "taken";
  const key = integrationKeySchema.parse(row.name);
  const creds = await loadIntegrationCredentials(key);
  try {
    if (!creds) throw new Error("the account has no usable token");
    const refreshed = await refreshInstagramToken(creds, now);
    await db.$transaction(async (tx) => {
      await tx.integration.update({
        where: { id: row.id },
        data: {
          accessToken: encryptSecret(refreshed.accessToken, encryptionKey()),
          tokenExpiresAt: refreshed.expiresAt,
          tokenRefreshedAt: now,
          tokenErrorCount: 0,
          needsReconnect: false,
          lastError: null,
        },
      });
      await writeAuditLog(
        { actorId: null, action: "integration.token-refresh", target: key, details: { expiresAt: refreshed.expiresAt.toISOString() } },
        tx,
      );
    });
    await eventBus.publish({ type: "integration.updated", channel: key });
    console.log(`[tokens] refreshed the ${key} token; it now expires ${refreshed.expiresAt.toISOString()}`);
    return "refreshed";
  } catch (error) {
    // Give the claim back, so the next pass tries again instead of a day later.
    await db.integration.updateMany({ where: { id: row.id, tokenRefreshedAt: now }, data: { tokenRefreshedAt: row.tokenRefreshedAt } });
    const graphError = error instanceof GraphApiError ? error : null;
    const reason = `Refreshing the access token failed: ${graphError?.userMessage ?? (error instanceof Error ? error.message : String(error))}`;
    console.error(`[tokens] ${key}: ${reason}`);
    if (graphError?.kind === "TOKEN_EXPIRED") await recordTokenError(key, reason);
    else await db.integration.update({ where: { id: row.id }, data: { lastError: reason } });
    await eventBus.publish({ type: "integration.updated", channel: key });
    return "failed";
  }
}

const globalForRefresher = globalThis as unknown as { instagramTokenRefresher?: NodeJS.Timeout };

export function startTokenRefresher(intervalMs: number): void {
  if (globalForRefresher.instagramTokenRefresher) return;
  let running = false;
  const run = () => {
    // A slow Meta must not stack passes on top of each other.
    if (running) return;
    running = true;
    refreshDueInstagramTokens()
      .catch((error: unknown) => console.error(`[tokens] refresh pass failed: ${describeError(error)}`))
      .finally(() => {
        running = false;
      });
  };
  run();
  globalForRefresher.instagramTokenRefresher = setInterval(run, intervalMs);
  globalForRefresher.instagramTokenRefresher.unref();
}
