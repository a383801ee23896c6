import { channelMeta } from "@/lib/channels/catalog";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { encryptionKey } from "@/lib/local-secrets";
import {
  accountKeysOf,
  accountLabel,
  channelOfKey,
  INTEGRATION_CHANNELS,
  integrationConfigSchema,
  integrationFromEnv,
  isFirstAccount,
  loginVariantOf,
  rowConfigures,
} from "@/lib/settings/integration-config";
import type { IntegrationChannel, IntegrationKey, LoginVariant } from "@/lib/validations/settings";

/**
 * What the Integrations page shows. Secrets leave this module only as masks: whether one is set
 * and its last four characters, enough to recognise it, never enough to use it.
 */

export interface SecretMask {
  set: boolean;
  last4: string | null;
}

export interface IntegrationView {
  /** The account's row: "instagram", "instagram-2", "whatsapp"; the key in /api/settings/integrations/{key}. */
  key: IntegrationKey;
  channel: IntegrationChannel;
  label: string;
  /** Instagram: Facebook Login (page token) or Instagram Login (Instagram user token). */
  loginVariant: LoginVariant;
  /** Where the live configuration comes from. */
  source: "database" | "environment" | "none";
  enabled: boolean;
  accessToken: SecretMask;
  appSecret: SecretMask;
  webhookVerifyToken: string;
  pageId: string;
  instagramAccountId: string;
  phoneNumberId: string;
  businessAccountId: string;
  graphApiVersion: string;
  humanAgentTag: boolean;
  /** Read receipts and typing indicators to customers; on unless turned off. */
  customerSignals: boolean;
  callbackUrl: string;
  webhookFields: readonly string[];
  lastVerifiedAt: string | null;
  connectedAs: string | null;
  lastError: string | null;
  tokenExpiresAt: string | null;
  /** When the token was saved or last renewed (Instagram Login renews it automatically). */
  tokenRefreshedAt: string | null;
  /** Token errors in a row; the reconnect banner goes up at TOKEN_ERRORS_BEFORE_RECONNECT. */
  tokenErrorCount: number;
  needsReconnect: boolean;
}

export const integrationRowSelect = {
  name: true,
  isEnabled: true,
  accessToken: true,
  apiSecret: true,
  config: true,
  tokenExpiresAt: true,
  tokenRefreshedAt: true,
  tokenErrorCount: true,
  lastVerifiedAt: true,
  connectedAs: true,
  needsReconnect: true,
  lastError: true,
} as const;

/** Each channel's first account (always, configured or not), then every further account that has a row. */
export async function listIntegrations(origin: string): Promise<IntegrationView[]> {
  const allKeys = INTEGRATION_CHANNELS.flatMap(accountKeysOf);
  const rows = await db.integration.findMany({ where: { name: { in: allKeys } }, select: integrationRowSelect });
  const shown = allKeys.filter((key) => isFirstAccount(key) || rows.some((row) => row.name === key));
  return shown.map((key) => {
    const channel = channelOfKey(key);
    const row = rows.find((candidate) => candidate.name === key) ?? null;
    const fromEnv = isFirstAccount(key) ? integrationFromEnv(channel) : null;
    const source = row && rowConfigures(channel, row) ? "database" : fromEnv ? "environment" : "none";
    // A further account added but not filled in yet still shows the login variant it was added with.
    const config = source === "environment" ? (fromEnv?.config ?? {}) : integrationConfigSchema.parse(row?.config ?? {});
    return {
      key,
      channel,
      label: accountLabel(key),
      loginVariant: loginVariantOf(channel, config),
      source,
      enabled: source === "database" ? row!.isEnabled : source === "environment",
      accessToken: source === "database" ? maskSealed(row!.accessToken) : mask(fromEnv?.accessToken),
      appSecret: source === "database" ? maskSealed(row!.apiSecret) : mask(fromEnv?.appSecret),
      webhookVerifyToken: config.webhookVerifyToken ?? "",
      pageId: config.pageId ?? "",
      instagramAccountId: config.instagramAccountId ?? "",
      phoneNumberId: config.phoneNumberId ?? "",
      businessAccountId: config.businessAccountId ?? "",
      graphApiVersion: config.graphApiVersion ?? "",
      humanAgentTag: config.humanAgentTag ?? false,
      customerSignals: config.customerSignals ?? true,
      callbackUrl: `${origin.replace(/\/+$/, "")}/api/webhooks/${channel}`,
      webhookFields: channelMeta(channel).webhookFields,
      lastVerifiedAt: row?.lastVerifiedAt?.toISOString() ?? null,
      connectedAs: row?.connectedAs ?? null,
      lastError: row?.lastError ?? null,
      tokenExpiresAt: row?.tokenExpiresAt?.toISOString() ?? null,
      tokenRefreshedAt: row?.tokenRefreshedAt?.toISOString() ?? null,
      tokenErrorCount: row?.tokenErrorCount ?? 0,
      needsReconnect: row?.needsReconnect ?? false,
    };
  });
}

/** Short values show no characters at all: four of eight would give half of it away. */
function mask(plaintext: string | null | undefined): SecretMask {
  if (!plaintext) return { set: false, last4: null };
  return { set: true, last4: plaintext.length >= 12 ? plaintext.slice(-4) : null };
}

function maskSealed(sealed: string | null): SecretMask {
  if (!sealed) return mask(null);
  try {
    return mask(decryptSecret(sealed, encryptionKey()));
  } catch {
    // Stored under another key: it exists but cannot be used; the admin must type it again.
    return { set: true, last4: null };
  }
}
