import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { encryptionKey } from "@/lib/local-secrets";
import {
  CHANNEL_SETTINGS,
  INTEGRATION_CHANNELS,
  integrationConfigSchema,
  integrationFromEnv,
  rowConfigures,
} from "@/lib/settings/integration-config";
import type { IntegrationChannel } from "@/lib/validations/settings";

/**
 * What the Integrations page shows. Secrets leave this module only as masks: whether one is set
 * and its last four characters, enough to recognise it, never enough to use it.
 */

export interface SecretMask {
  set: boolean;
  last4: string | null;
}

export interface IntegrationView {
  channel: IntegrationChannel;
  label: string;
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
  callbackUrl: string;
  webhookFields: readonly string[];
  lastVerifiedAt: string | null;
  connectedAs: string | null;
  lastError: string | null;
  tokenExpiresAt: string | null;
  needsReconnect: boolean;
}

export const integrationRowSelect = {
  name: true,
  isEnabled: true,
  accessToken: true,
  apiSecret: true,
  config: true,
  tokenExpiresAt: true,
  lastVerifiedAt: true,
  connectedAs: true,
  needsReconnect: true,
  lastError: true,
} as const;

export async function listIntegrations(origin: string): Promise<IntegrationView[]> {
  const rows = await db.integration.findMany({ where: { name: { in: INTEGRATION_CHANNELS } }, select: integrationRowSelect });
  return INTEGRATION_CHANNELS.map((channel) => {
    const row = rows.find((candidate) => candidate.name === channel) ?? null;
    const fromEnv = integrationFromEnv(channel);
    const source = row && rowConfigures(channel, row) ? "database" : fromEnv ? "environment" : "none";
    const config = source === "database" ? integrationConfigSchema.parse(row?.config ?? {}) : (fromEnv?.config ?? {});
    return {
      channel,
      label: CHANNEL_SETTINGS[channel].label,
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
      callbackUrl: `${origin.replace(/\/+$/, "")}/api/webhooks/${channel}`,
      webhookFields: CHANNEL_SETTINGS[channel].webhookFields,
      lastVerifiedAt: row?.lastVerifiedAt?.toISOString() ?? null,
      connectedAs: row?.connectedAs ?? null,
      lastError: row?.lastError ?? null,
      tokenExpiresAt: row?.tokenExpiresAt?.toISOString() ?? null,
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
