import { z } from "zod";
import { getChannel } from "@/lib/channels/registry";
import { env } from "@/lib/env";
import {
  integrationKeySchema,
  loginVariantSchema,
  type IntegrationChannel,
  type IntegrationKey,
  type LoginVariant,
} from "@/lib/validations/settings";

/**
 * What Settings knows about each configurable channel: the Integration.config keys (fixed: the
 * message pipeline reads them), the webhook fields to subscribe in Meta's App Dashboard, and the
 * env variables a channel may be configured from instead of a database row.
 */

export const integrationConfigSchema = z
  .object({
    webhookVerifyToken: z.string().optional(),
    pageId: z.string().optional(),
    instagramAccountId: z.string().optional(),
    phoneNumberId: z.string().optional(),
    businessAccountId: z.string().optional(),
    graphApiVersion: z.string().optional(),
    humanAgentTag: z.boolean().optional(),
    /** Read receipts and typing indicators to customers (lib/customer-signals); on unless turned off. */
    customerSignals: z.boolean().optional(),
    // Its own catch: an odd value must not throw the whole config away, only fall back to Facebook Login.
    loginVariant: loginVariantSchema.optional().catch(undefined),
  })
  .catch({});
export type IntegrationConfig = z.infer<typeof integrationConfigSchema>;

export const CHANNEL_SETTINGS = {
  instagram: {
    label: "Instagram",
    // standby / messaging_handovers: conversations a chatbot holds (lib/handover).
    webhookFields: ["messages", "messaging_postbacks", "messaging_seen", "message_reactions", "message_edit", "standby", "messaging_handovers"],
  },
  whatsapp: {
    label: "WhatsApp",
    webhookFields: ["messages"],
  },
} as const satisfies Record<IntegrationChannel, { label: string; webhookFields: readonly string[] }>;

export const INTEGRATION_CHANNELS = Object.keys(CHANNEL_SETTINGS) as IntegrationChannel[];

/**
 * A channel configured from env vars (each adapter knows its variable names), in the shape of an
 * Integration row. Env may configure only part of a channel (receiving without sending), so a
 * missing secret is an empty string.
 */
export interface EnvIntegration {
  accessToken: string;
  appSecret: string;
  config: IntegrationConfig;
}

export function integrationFromEnv(channel: IntegrationChannel): EnvIntegration | null {
  const creds = getChannel(channel).credentialsFromEnv(adapterEnv());
  if (!creds) return null;
  const ids: IntegrationConfig =
    channel === "instagram"
      ? { pageId: creds.accountId }
      : { phoneNumberId: creds.accountId, businessAccountId: creds.businessAccountId ?? "" };
  return {
    accessToken: creds.accessToken,
    appSecret: creds.appSecret,
    config: { webhookVerifyToken: creds.verifyToken, ...ids, graphApiVersion: creds.graphApiVersion },
  };
}

/** The validated env as the adapters read it: names to strings. */
export function adapterEnv(): NodeJS.ProcessEnv {
  const entries = Object.entries(env).map(([name, value]) => [name, value === undefined ? undefined : String(value)]);
  return Object.fromEntries(entries) as NodeJS.ProcessEnv;
}

const pick = (value?: string) => (value && value.trim() !== "" ? value.trim() : undefined);

/**
 * The id the Graph API is asked about: WhatsApp phone number id; Instagram account id, or with
 * Facebook Login the page id when no Instagram account id was given. Instagram Login has no page.
 */
export function accountIdOf(channel: IntegrationChannel, config: IntegrationConfig): string | undefined {
  if (channel === "whatsapp") return pick(config.phoneNumberId);
  if (loginVariantOf(channel, config) === "instagram") return pick(config.instagramAccountId);
  return pick(config.instagramAccountId) ?? pick(config.pageId);
}

/** Every id Meta may address this account by in a webhook (`entry[].id`, the business side's id). */
export function recipientIdsOf(channel: IntegrationChannel, config: IntegrationConfig): string[] {
  const ids = channel === "whatsapp" ? [config.phoneNumberId, config.businessAccountId] : [config.instagramAccountId, config.pageId];
  return ids.map(pick).filter((id): id is string => id !== undefined);
}

/** Facebook Login unless the row says otherwise: rows and env from before Instagram Login existed. */
export function loginVariantOf(channel: IntegrationChannel, config: IntegrationConfig): LoginVariant {
  return channel === "instagram" ? (config.loginVariant ?? "facebook") : "facebook";
}

/** "instagram-2" → "instagram". */
export function channelOfKey(key: IntegrationKey): IntegrationChannel {
  return key.startsWith("instagram") ? "instagram" : "whatsapp";
}

/** A channel's first account is the row named after the channel; only it falls back to env. */
export function isFirstAccount(key: IntegrationKey): key is IntegrationChannel {
  return key === channelOfKey(key);
}

/** Every row name that can hold an account of the channel, first account first. */
export function accountKeysOf(channel: IntegrationChannel): IntegrationKey[] {
  if (channel === "whatsapp") return ["whatsapp"];
  return ["instagram", ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => integrationKeySchema.parse(`instagram-${n}`))];
}

/** What staff call an account: "Instagram", "Instagram (2)". */
export function accountLabel(key: IntegrationKey): string {
  const label = CHANNEL_SETTINGS[channelOfKey(key)].label;
  const number = key.match(/-(\d+)$/)?.[1];
  return number ? `${label} (${number})` : label;
}

/** A row counts as configuring the channel once anything beyond a bare status row is stored in it. */
export function rowConfigures(
  channel: IntegrationChannel,
  row: { accessToken: string | null; apiSecret: string | null; config: unknown },
): boolean {
  const config = integrationConfigSchema.parse(row.config ?? {});
  return Boolean(row.accessToken || row.apiSecret || config.webhookVerifyToken || accountIdOf(channel, config));
}
