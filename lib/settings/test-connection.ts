import { ApiError } from "@/lib/api/errors";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { encryptionKey } from "@/lib/local-secrets";
import { eventBus } from "@/lib/realtime/bus";
import { writeAuditLog } from "@/lib/settings/audit-log";
import { graphGet } from "@/lib/settings/graph-probe";
import { accountIdOf, integrationConfigSchema, integrationFromEnv, rowConfigures } from "@/lib/settings/integration-config";
import type { IntegrationChannel } from "@/lib/validations/settings";

/**
 * "Test connection": asks the Graph API who the stored token belongs to and records the answer on
 * the Integration row (connected as, last verified, last error), so the card and the inbox header
 * can show the channel's health without calling Meta again.
 */

export type ConnectionResult =
  | { ok: true; connectedAs: string; verifiedAt: string }
  | { ok: false; error: string; reconnect: boolean };

interface ProbeCredentials {
  accessToken: string;
  accountId: string;
  graphApiVersion: string;
}

export async function testConnection(channel: IntegrationChannel, actorId: string): Promise<ConnectionResult> {
  const creds = await probeCredentials(channel);
  const result = await probe(channel, creds);
  const now = new Date();
  const status = result.ok
    ? { connectedAs: result.connectedAs, lastVerifiedAt: now, lastError: null, needsReconnect: false }
    : { lastError: result.error, needsReconnect: result.reconnect };
  await db.$transaction(async (tx) => {
    // An env-configured channel gets a bare status row (no secrets, empty config), as the pipeline does.
    await tx.integration.upsert({ where: { name: channel }, create: { name: channel, config: {}, ...status }, update: status });
    await writeAuditLog(
      { actorId, action: "integration.test", target: channel, details: result.ok ? { ok: true, connectedAs: result.connectedAs } : { ok: false, error: result.error } },
      tx,
    );
  });
  await eventBus.publish({ type: "integration.updated", channel });
  return result.ok ? { ...result, verifiedAt: now.toISOString() } : result;
}

async function probe(channel: IntegrationChannel, creds: ProbeCredentials) {
  const answer =
    channel === "instagram"
      ? await graphGet(creds, "me", "id,name,username")
      : await graphGet(creds, creds.accountId, "id,display_phone_number,verified_name");
  if (!answer.ok) return answer;
  const body = answer.body;
  const connectedAs =
    channel === "instagram"
      ? [body.username ? `@${String(body.username)}` : null, body.name ? `(${String(body.name)})` : null].filter(Boolean).join(" ") || String(body.id ?? "unknown account")
      : `${String(body.verified_name ?? "WhatsApp number")} (${String(body.display_phone_number ?? body.id ?? creds.accountId)})`;
  return { ok: true as const, connectedAs };
}

/** The credentials the channel runs with: the saved row when it configures the channel, else env. */
async function probeCredentials(channel: IntegrationChannel): Promise<ProbeCredentials> {
  const row = await db.integration.findUnique({
    where: { name: channel },
    select: { accessToken: true, apiSecret: true, config: true },
  });
  const fromEnv = integrationFromEnv(channel);
  const useRow = row !== null && rowConfigures(channel, row);
  const config = useRow ? integrationConfigSchema.parse(row.config ?? {}) : (fromEnv?.config ?? {});
  const accessToken = useRow ? openToken(row.accessToken) : fromEnv?.accessToken;
  const accountId = accountIdOf(channel, config);
  if (!accessToken || !accountId) {
    throw new ApiError({
      code: "CHANNEL_NOT_CONFIGURED",
      message: "Save an access token and the account id first, then test the connection",
    });
  }
  return { accessToken, accountId, graphApiVersion: config.graphApiVersion || env.META_GRAPH_API_VERSION };
}

function openToken(sealed: string | null): string | undefined {
  if (!sealed) return undefined;
  try {
    return decryptSecret(sealed, encryptionKey());
  } catch {
    throw new ApiError({ code: "CHANNEL_NOT_CONFIGURED", message: "The stored access token cannot be read any more; enter it again" });
  }
}
