import { getChannel } from "@/lib/channels/registry";
import type { ChannelCredentials, ChannelKey } from "@/lib/channels/types";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { encryptionKey } from "@/lib/local-secrets";
import { eventBus } from "@/lib/realtime/bus";
import { accountIdOf, adapterEnv, integrationConfigSchema } from "@/lib/settings/integration-config";

/**
 * For the hot path only — every webhook delivery and every ingested event needs the credentials,
 * and reading and decrypting the row each time queued a database read in front of each
 * acknowledgement under a burst. Replies, settings and media read fresh (loadChannelCredentials).
 * Saving an integration publishes `integration.updated`, which empties the cache on every
 * instance; the short TTL bounds staleness should a notification be missed.
 */
const CACHE_TTL_MS = 5_000;

interface CredentialsCache {
  get(key: ChannelKey): Promise<ChannelCredentials | null>;
}

const globalForCache = globalThis as unknown as { channelCredentialsCache?: CredentialsCache };

function credentialsCache(): CredentialsCache {
  if (globalForCache.channelCredentialsCache) return globalForCache.channelCredentialsCache;
  const entries = new Map<ChannelKey, { expiresAt: number; value: Promise<ChannelCredentials | null> }>();
  eventBus.subscribe((event) => {
    if (event.type === "integration.updated") entries.clear();
  });
  const cache: CredentialsCache = {
    get(key) {
      const cached = entries.get(key);
      if (cached && cached.expiresAt > Date.now()) return cached.value;
      const value = loadChannelCredentials(key);
      entries.set(key, { expiresAt: Date.now() + CACHE_TTL_MS, value });
      // A failed read (database busy) must not be served from the cache; a newer read may have replaced it.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
  };
  globalForCache.channelCredentialsCache = cache;
  return cache;
}

export function cachedChannelCredentials(key: ChannelKey): Promise<ChannelCredentials | null> {
  return credentialsCache().get(key);
}

/**
 * A channel's credentials: the Integration row saved in Settings wins field by field, env fills the
 * gaps (the names teams already use), so a half-saved row never hides a working env setup.
 * A disabled Integration turns the channel off (null). Secrets are decrypted here and nowhere else.
 */
export async function loadChannelCredentials(key: ChannelKey): Promise<ChannelCredentials | null> {
  const fromEnv = getChannel(key).credentialsFromEnv(adapterEnv());
  const row = await db.integration.findUnique({
    where: { name: key },
    select: { isEnabled: true, accessToken: true, apiSecret: true, config: true },
  });
  if (!row) return fromEnv;
  if (!row.isEnabled) return null;

  const config = integrationConfigSchema.parse(row.config ?? {});
  const pick = (value: string | undefined | null) => (value && value.trim() !== "" ? value.trim() : undefined);
  const accountId = accountIdOf(key, config);
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
