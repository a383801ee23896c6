import { ApiError } from "@/lib/api/errors";
import { GraphApiError } from "@/lib/channels/meta/graph-error";
import { getChannel } from "@/lib/channels/registry";
import type { ChannelCredentials, ConnectionProbe } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { eventBus } from "@/lib/realtime/bus";
import { writeAuditLog } from "@/lib/settings/audit-log";
import { loadIntegrationCredentials } from "@/lib/settings/channel-credentials";
import { channelOfKey } from "@/lib/settings/integration-config";
import { recordTokenError } from "@/lib/settings/token-errors";
import type { IntegrationChannel, IntegrationKey } from "@/lib/validations/settings";

/**
 * "Test connection": asks the Graph API (through the channel's own probe) who the stored token belongs to and records the answer on
 * the Integration row (connected as, last verified, last error), so the card and the inbox header
 * can show the channel's health without calling Meta again.
 */

export type ConnectionResult =
  | { ok: true; connectedAs: string; verifiedAt: string }
  | { ok: false; error: string; reconnect: boolean };


export async function testConnection(key: IntegrationKey, actorId: string): Promise<ConnectionResult> {
  const channel = channelOfKey(key);
  const creds = await probeCredentials(key);
  const result = await probe(channel, creds);
  const now = new Date();
  // A working token ends any run of token errors; a dead one counts like a failed send (token-errors.ts).
  const status = result.ok
    ? { connectedAs: result.connectedAs, lastVerifiedAt: now, lastError: null, needsReconnect: false, tokenErrorCount: 0 }
    : { lastError: result.error };
  await db.$transaction(async (tx) => {
    // An env-configured channel gets a bare status row (no secrets, empty config), as the pipeline does.
    await tx.integration.upsert({ where: { name: key }, create: { name: key, config: {}, ...status }, update: status });
    await writeAuditLog(
      { actorId, action: "integration.test", target: key, details: result.ok ? { ok: true, connectedAs: result.connectedAs } : { ok: false, error: result.error } },
      tx,
    );
  });
  if (!result.ok && result.reconnect) await recordTokenError(key, result.error);
  await eventBus.publish({ type: "integration.updated", channel: key });
  return result.ok ? { ...result, verifiedAt: now.toISOString() } : result;
}

async function probe(channel: IntegrationChannel, creds: ChannelCredentials): Promise<ConnectionProbe> {
  try {
    return await getChannel(channel).account.probe(creds);
  } catch (error) {
    if (!(error instanceof GraphApiError)) throw error;
    return { ok: false, error: describeFailure(error), reconnect: error.kind === "TOKEN_EXPIRED" };
  }
}

/** The Graph client's messages are written for sends; a few read better in the words of a connection test. */
function describeFailure(error: GraphApiError): string {
  if (error.kind === "INVALID_REQUEST" || error.kind === "UNKNOWN") {
    return `Meta could not load this account${error.metaMessage ? `: ${error.metaMessage}` : ""}. Check the account id and the token's permissions.`;
  }
  return error.userMessage;
}

/** Exactly the credentials the message pipeline sends with (saved row, env filling the gaps). */
async function probeCredentials(key: IntegrationKey): Promise<ChannelCredentials> {
  const creds = await loadIntegrationCredentials(key);
  if (!creds?.accessToken || !creds.accountId) {
    throw new ApiError({
      code: "CHANNEL_NOT_CONFIGURED",
      message: "Enable the channel and save its access token, app secret, verify token and account id, then test the connection",
    });
  }
  return creds;
}
