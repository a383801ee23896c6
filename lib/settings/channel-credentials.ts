import { getChannel } from "@/lib/channels/registry";
import type { ChannelCredentials, ChannelKey } from "@/lib/channels/types";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { encryptionKey } from "@/lib/local-secrets";
import { eventBus } from "@/lib/realtime/bus";
import {
  accountIdOf,
  accountKeysOf,
  adapterEnv,
  channelOfKey,
  integrationConfigSchema,
  isFirstAccount,
  loginVariantOf,
  recipientIdsOf,
} from "@/lib/settings/integration-config";
import type { IntegrationKey } from "@/lib/validations/settings";

/** One connected account of a channel: its credentials and the ids webhooks address it by. */
export interface ChannelAccount {
  key: IntegrationKey;
  creds: ChannelCredentials;
  /** `entry[].id` / the business side's id in webhooks: account id, page id (or phone number id). */
  recipientIds: string[];
}

/**
 * For the hot path only — every webhook delivery and every ingested event needs the credentials,
 * and reading and decrypting the rows each time queued a database read in front of each
 * acknowledgement under a burst. Replies, settings and media read fresh (loadAccountCredentials).
 * Saving an integration publishes `integration.updated`, which empties the cache on every
 * instance; the short TTL bounds staleness should a notification be missed.
 */
const CACHE_TTL_MS = 5_000;

interface AccountsCache {
  get(channel: ChannelKey): Promise<ChannelAccount[]>;
}

const globalForCache = globalThis as unknown as { channelAccountsCache?: AccountsCache };

function accountsCache(): AccountsCache {
  if (globalForCache.channelAccountsCache) return globalForCache.channelAccountsCache;
  const entries = new Map<ChannelKey, { expiresAt: number; value: Promise<ChannelAccount[]> }>();
  eventBus.subscribe((event) => {
    if (event.type === "integration.updated") entries.clear();
  });
  const cache: AccountsCache = {
    get(channel) {
      const cached = entries.get(channel);
      if (cached && cached.expiresAt > Date.now()) return cached.value;
      const value = loadChannelAccounts(channel);
      entries.set(channel, { expiresAt: Date.now() + CACHE_TTL_MS, value });
      // A failed read (database busy) must not be served from the cache; a newer read may have replaced it.
      value.catch(() => {
        if (entries.get(channel)?.value === value) entries.delete(channel);
      });
      return value;
    },
  };
  globalForCache.channelAccountsCache = cache;
  return cache;
}

export function cachedChannelAccounts(channel: ChannelKey): Promise<ChannelAccount[]> {
  return accountsCache().get(channel);
}

/** The credentials of the account a conversation or event belongs to, from the cache (ingest). */
export async function cachedAccountCredentials(channel: ChannelKey, businessAccountId: string): Promise<ChannelCredentials | null> {
  return pickAccount(await cachedChannelAccounts(channel), businessAccountId)?.creds ?? null;
}

const integrationRowSelect = { name: true, isEnabled: true, accessToken: true, apiSecret: true, config: true } as const;

/** Every usable account of a channel, the first account (the one env can configure) first. */
export async function loadChannelAccounts(channel: ChannelKey): Promise<ChannelAccount[]> {
  const keys = accountKeysOf(channel);
  const rows = await db.integration.findMany({ where: { name: { in: keys } }, select: integrationRowSelect });
  return keys
    .map((key) => accountFromRow(key, rows.find((row) => row.name === key) ?? null))
    .filter((account): account is ChannelAccount => account !== null);
}

/**
 * The account a conversation belongs to (`Conversation.businessAccountId`): the one Meta addresses
 * by that id, else the channel's first account (conversations stored before their id was known).
 * A disabled account's conversations get no credentials: the first account's token would only be
 * refused by Meta for a thread it does not own.
 */
export async function loadAccountCredentials(channel: ChannelKey, businessAccountId: string): Promise<ChannelCredentials | null> {
  const [accounts, disabledIds] = await Promise.all([loadChannelAccounts(channel), disabledRecipientIds(channel)]);
  if (disabledIds.has(businessAccountId) && !accounts.some((account) => account.recipientIds.includes(businessAccountId))) {
    return null;
  }
  return pickAccount(accounts, businessAccountId)?.creds ?? null;
}

async function disabledRecipientIds(channel: ChannelKey): Promise<Set<string>> {
  const rows = await db.integration.findMany({
    where: { name: { in: accountKeysOf(channel) }, isEnabled: false },
    select: { config: true },
  });
  return new Set(rows.flatMap((row) => recipientIdsOf(channel, integrationConfigSchema.parse(row.config ?? {}))));
}

export function pickAccount(accounts: ChannelAccount[], businessAccountId: string): ChannelAccount | null {
  return (
    accounts.find((account) => account.recipientIds.includes(businessAccountId)) ??
    accounts.find((account) => isFirstAccount(account.key)) ??
    null
  );
}

/** One stored account's credentials (settings: test connection); null when it is not usable. */
export async function loadIntegrationCredentials(key: IntegrationKey): Promise<ChannelCredentials | null> {
  const row = await db.integration.findUnique({ where: { name: key }, select: integrationRowSelect });
  return accountFromRow(key, row)?.creds ?? null;
}

/** The channel's first account: for what is not about one conversation (templates, "is anything connected"). */
export function loadChannelCredentials(key: ChannelKey): Promise<ChannelCredentials | null> {
  return loadIntegrationCredentials(key);
}

type IntegrationRow = { name: string; isEnabled: boolean; accessToken: string | null; apiSecret: string | null; config: unknown };

/**
 * An account's credentials: the Integration row saved in Settings wins field by field, env fills the
 * gaps for the first account (the names teams already use), so a half-saved row never hides a
 * working env setup. A disabled Integration turns the account off (null). Secrets are decrypted
 * here and nowhere else.
 */
function accountFromRow(key: IntegrationKey, row: IntegrationRow | null): ChannelAccount | null {
  const channel = channelOfKey(key);
  const fromEnv = isFirstAccount(key) ? envAccount(key, getChannel(channel).credentialsFromEnv(adapterEnv())) : null;
  if (!row) return fromEnv;
  if (!row.isEnabled) return null;

  const config = integrationConfigSchema.parse(row.config ?? {});
  const loginVariant = loginVariantOf(channel, config);
  // Env describes a Facebook Login account: its token and ids must not fill an Instagram Login row's gaps.
  const fallback = loginVariant === "facebook" ? fromEnv : null;
  const envCreds = fallback?.creds;
  const pick = (value: string | undefined | null) => (value && value.trim() !== "" ? value.trim() : undefined);
  const accountId = accountIdOf(channel, config);
  const merged = {
    accessToken: (row.accessToken && openSecret(row.accessToken)) || envCreds?.accessToken,
    appSecret: (row.apiSecret && openSecret(row.apiSecret)) || envCreds?.appSecret,
    verifyToken: pick(config.webhookVerifyToken) ?? envCreds?.verifyToken,
    accountId: accountId ?? envCreds?.accountId,
    businessAccountId: pick(config.businessAccountId) ?? envCreds?.businessAccountId,
    graphApiVersion: pick(config.graphApiVersion) ?? envCreds?.graphApiVersion ?? env.META_GRAPH_API_VERSION,
    humanAgentTag: config.humanAgentTag ?? envCreds?.humanAgentTag ?? false,
    customerSignals: config.customerSignals ?? true,
  };
  if (!merged.accessToken || !merged.appSecret || !merged.verifyToken || !merged.accountId) return fallback;
  const usedRow = Boolean(row.accessToken || row.apiSecret || accountId || config.webhookVerifyToken);
  return {
    key,
    creds: {
      ...merged,
      accessToken: merged.accessToken,
      appSecret: merged.appSecret,
      verifyToken: merged.verifyToken,
      accountId: merged.accountId,
      graphApiUrl: loginVariant === "instagram" ? env.INSTAGRAM_GRAPH_API_URL : env.META_GRAPH_API_URL,
      graphTimeoutMs: env.META_GRAPH_API_TIMEOUT_MS,
      ...(channel === "instagram" ? { loginVariant } : {}),
      integrationKey: key,
      source: usedRow ? "database" : "environment",
    },
    recipientIds: [...new Set([merged.accountId, ...recipientIdsOf(channel, config)])],
  };
}

function envAccount(key: IntegrationKey, creds: ChannelCredentials | null): ChannelAccount | null {
  if (!creds) return null;
  const loginVariant = channelOfKey(key) === "instagram" ? { loginVariant: "facebook" as const } : {};
  return {
    key,
    creds: { ...creds, ...loginVariant, integrationKey: key },
    recipientIds: [creds.accountId, creds.businessAccountId].filter((id): id is string => Boolean(id)),
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
