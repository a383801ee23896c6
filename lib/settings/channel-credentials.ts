import { z } from "zod";
import { getChannel } from "@/lib/channels/registry";
import type { ChannelCredentials, ChannelKey } from "@/lib/channels/types";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { encryptionKey } from "@/lib/local-secrets";

/**
 * A channel's credentials: the Integration row saved in Settings wins field by field, env fills the
 * gaps (the names teams already use), so a half-saved row never hides a working env setup.
 * A disabled Integration turns the channel off (null). Secrets are decrypted here and nowhere else.
 */

/** The Integration.config keys, shared with the settings UI that writes them. */
export const integrationConfigSchema = z
  .object({
    webhookVerifyToken: z.string().optional(),
    pageId: z.string().optional(),
    instagramAccountId: z.string().optional(),
    phoneNumberId: z.string().optional(),
    businessAccountId: z.string().optional(),
    graphApiVersion: z.string().optional(),
    humanAgentTag: z.boolean().optional(),
  })
  .catch({});

export type IntegrationConfig = z.infer<typeof integrationConfigSchema>;

export async function loadChannelCredentials(key: ChannelKey): Promise<ChannelCredentials | null> {
  const fromEnv = getChannel(key).credentialsFromEnv(stringEnv());
  const row = await db.integration.findUnique({
    where: { name: key },
    select: { isEnabled: true, accessToken: true, apiSecret: true, config: true },
  });
  if (!row) return fromEnv;
  if (!row.isEnabled) return null;

  const config = integrationConfigSchema.parse(row.config ?? {});
  const pick = (value: string | undefined | null) => (value && value.trim() !== "" ? value.trim() : undefined);
  const accountId =
    key === "whatsapp" ? pick(config.phoneNumberId) : (pick(config.instagramAccountId) ?? pick(config.pageId));
  const merged = {
    accessToken: (row.accessToken && openSecret(row.accessToken)) || fromEnv?.accessToken,
    appSecret: (row.apiSecret && openSecret(row.apiSecret)) || fromEnv?.appSecret,
    verifyToken: pick(config.webhookVerifyToken) ?? fromEnv?.verifyToken,
    accountId: accountId ?? fromEnv?.accountId,
    businessAccountId: pick(config.businessAccountId) ?? fromEnv?.businessAccountId,
    graphApiVersion: pick(config.graphApiVersion) ?? fromEnv?.graphApiVersion ?? env.META_GRAPH_API_VERSION,
    humanAgentTag: config.humanAgentTag ?? fromEnv?.humanAgentTag ?? false,
  };
  if (!merged.accessToken || !merged.appSecret || !merged.verifyToken || !merged.accountId) return fromEnv;
  const usedRow = Boolean(row.accessToken || row.apiSecret || accountId || config.webhookVerifyToken);
  return {
    ...merged,
    accessToken: merged.accessToken,
    appSecret: merged.appSecret,
    verifyToken: merged.verifyToken,
    accountId: merged.accountId,
    graphApiUrl: env.META_GRAPH_API_URL,
    source: usedRow ? "database" : "environment",
  };
}

/** The validated env as the adapters read it: names to strings. */
function stringEnv(): NodeJS.ProcessEnv {
  const entries = Object.entries(env).map(([name, value]) => [name, value === undefined ? undefined : String(value)]);
  return Object.fromEntries(entries) as NodeJS.ProcessEnv;
}

/** A secret that no longer decrypts (key rotated, row copied between installs) counts as missing. */
function openSecret(sealed: string): string | undefined {
  try {
    return decryptSecret(sealed, encryptionKey());
  } catch {
    console.error("[credentials] a stored channel secret could not be decrypted; re-enter it in Settings");
    return undefined;
  }
}

/**
 * Meta said the token is dead: raise the reconnect banner. Env-configured channels get a bare row
 * (no secrets, empty config) so the banner shows for them too; the loader still falls back to env.
 */
export async function markIntegrationNeedsReconnect(key: ChannelKey, reason: string): Promise<void> {
  await db.integration.upsert({
    where: { name: key },
    create: { name: key, config: {}, needsReconnect: true, lastError: reason },
    update: { needsReconnect: true, lastError: reason },
  });
}

/** A send went through: whatever token error was recorded is over. */
export async function clearIntegrationError(key: ChannelKey): Promise<void> {
  await db.integration.updateMany({
    where: { name: key, needsReconnect: true },
    data: { needsReconnect: false, lastError: null },
  });
}
