import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { graphRequest, parseGraphAnswer } from "@/lib/channels/meta/graph-client";
import { GraphApiError } from "@/lib/channels/meta/graph-error";
import type { ChannelCredentials } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { eventBus } from "@/lib/realtime/bus";
import { writeAuditLog } from "@/lib/settings/audit-log";
import { loadIntegrationCredentials } from "@/lib/settings/channel-credentials";
import { channelOfKey } from "@/lib/settings/integration-config";
import { recordTokenError } from "@/lib/settings/token-errors";
import type { IntegrationChannel, IntegrationKey } from "@/lib/validations/settings";

/**
 * "Test connection": asks the Graph API who the stored token belongs to and records the answer on
 * the Integration row (connected as, last verified, last error), so the card and the inbox header
 * can show the channel's health without calling Meta again.
 */

export type ConnectionResult =
  | { ok: true; connectedAs: string; verifiedAt: string }
  | { ok: false; error: string; reconnect: boolean };

type ProbeCredentials = Pick<ChannelCredentials, "accessToken" | "accountId" | "graphApiUrl" | "graphApiVersion" | "loginVariant">;

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

// Instagram Login's /me: `user_id` is the professional account id webhooks and sends use (`id` is app-scoped).
const instagramLoginUserSchema = z.object({ id: z.string().optional(), user_id: z.coerce.string(), username: z.string().optional() });
const instagramAccountSchema = z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() });
const whatsappNumberSchema = z.object({
  id: z.string(),
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
});

async function probe(channel: IntegrationChannel, creds: ProbeCredentials) {
  try {
    if (channel === "instagram" && creds.loginVariant === "instagram") return await probeInstagramLogin(creds);
    if (channel === "instagram") {
      const answer = await graphRequest(creds, { method: "GET", path: "/me", query: { fields: "id,name,username" } }, { channel });
      const account = parseGraphAnswer(instagramAccountSchema, answer, channel);
      const connectedAs = [account.username && `@${account.username}`, account.name && `(${account.name})`].filter(Boolean).join(" ");
      return { ok: true as const, connectedAs: connectedAs || account.id };
    }
    const answer = await graphRequest(
      creds,
      { method: "GET", path: `/${encodeURIComponent(creds.accountId)}`, query: { fields: "id,display_phone_number,verified_name" } },
      { channel },
    );
    const phone = parseGraphAnswer(whatsappNumberSchema, answer, channel);
    return { ok: true as const, connectedAs: `${phone.verified_name ?? "WhatsApp number"} (${phone.display_phone_number ?? phone.id})` };
  } catch (error) {
    if (!(error instanceof GraphApiError)) throw error;
    return { ok: false as const, error: describeFailure(error), reconnect: error.kind === "TOKEN_EXPIRED" };
  }
}

async function probeInstagramLogin(creds: ProbeCredentials) {
  const answer = await graphRequest(creds, { method: "GET", path: "/me", query: { fields: "user_id,username" } }, { channel: "instagram" });
  const user = parseGraphAnswer(instagramLoginUserSchema, answer, "instagram");
  // Webhooks are routed by this id: a token for another account would take its messages elsewhere.
  if (user.user_id !== creds.accountId) {
    return {
      ok: false as const,
      error: `This token belongs to Instagram account ${user.user_id}${user.username ? ` (@${user.username})` : ""}, not ${creds.accountId}. Save the matching account id or token.`,
      reconnect: false,
    };
  }
  return { ok: true as const, connectedAs: user.username ? `@${user.username}` : user.user_id };
}

/** The Graph client's messages are written for sends; a few read better in the words of a connection test. */
function describeFailure(error: GraphApiError): string {
  if (error.kind === "INVALID_REQUEST" || error.kind === "UNKNOWN") {
    return `Meta could not load this account${error.metaMessage ? `: ${error.metaMessage}` : ""}. Check the account id and the token's permissions.`;
  }
  return error.userMessage;
}

/** Exactly the credentials the message pipeline sends with (saved row, env filling the gaps). */
async function probeCredentials(key: IntegrationKey): Promise<ProbeCredentials> {
  const creds = await loadIntegrationCredentials(key);
  if (!creds?.accessToken || !creds.accountId) {
    throw new ApiError({
      code: "CHANNEL_NOT_CONFIGURED",
      message: "Enable the channel and save its access token, app secret, verify token and account id, then test the connection",
    });
  }
  return creds;
}
