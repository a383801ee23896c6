import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { graphRequest, parseGraphAnswer } from "@/lib/channels/meta/graph-client";
import { GraphApiError } from "@/lib/channels/meta/graph-error";
import type { ChannelCredentials } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { eventBus } from "@/lib/realtime/bus";
import { writeAuditLog } from "@/lib/settings/audit-log";
import { loadChannelCredentials } from "@/lib/settings/channel-credentials";
import type { IntegrationChannel } from "@/lib/validations/settings";

/**
 * "Test connection": asks the Graph API who the stored token belongs to and records the answer on
 * the Integration row (connected as, last verified, last error), so the card and the inbox header
 * can show the channel's health without calling Meta again.
 */

export type ConnectionResult =
  | { ok: true; connectedAs: string; verifiedAt: string }
  | { ok: false; error: string; reconnect: boolean };

type ProbeCredentials = Pick<ChannelCredentials, "accessToken" | "accountId" | "graphApiUrl" | "graphApiVersion">;

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

const instagramAccountSchema = z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() });
const whatsappNumberSchema = z.object({
  id: z.string(),
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
});

async function probe(channel: IntegrationChannel, creds: ProbeCredentials) {
  try {
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

/** The Graph client's messages are written for sends; a few read better in the words of a connection test. */
function describeFailure(error: GraphApiError): string {
  if (error.kind === "INVALID_REQUEST" || error.kind === "UNKNOWN") {
    return `Meta could not load this account${error.metaMessage ? `: ${error.metaMessage}` : ""}. Check the account id and the token's permissions.`;
  }
  return error.userMessage;
}

/** Exactly the credentials the message pipeline sends with (saved row, env filling the gaps). */
async function probeCredentials(channel: IntegrationChannel): Promise<ProbeCredentials> {
  const creds = await loadChannelCredentials(channel);
  if (!creds?.accessToken || !creds.accountId) {
    throw new ApiError({
      code: "CHANNEL_NOT_CONFIGURED",
      message: "Enable the channel and save its access token, app secret, verify token and account id, then test the connection",
    });
  }
  return creds;
}
