import { z } from "zod";
import { channelMeta, CHANNEL_KEYS } from "@/lib/channels/catalog";
import { getChannel, isChannelKey } from "@/lib/channels/registry";
import { env } from "@/lib/env";
import {
  allIntegrationKeys,
  loginVariantSchema,
  type IntegrationChannel,
  type IntegrationKey,
  type LoginVariant,
} from "@/lib/validations/settings";

/**
 * How Settings stores each channel's accounts: the Integration.config keys (fixed: the message
 * pipeline reads them) and the row names. What differs by channel (which ids, env names, webhook
 * fields) is asked of the channel's module through the registry.
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

export const INTEGRATION_CHANNELS: IntegrationChannel[] = [...CHANNEL_KEYS];

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
  const ids: IntegrationConfig = getChannel(channel).account.configFromCredentials(creds);
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

/** The id the Graph API is asked about and sends from (each channel knows which of its ids that is). */
export function accountIdOf(channel: IntegrationChannel, config: IntegrationConfig): string | undefined {
  return getChannel(channel).account.accountIdOf({ ...config, loginVariant: loginVariantOf(channel, config) });
}

/** Every id Meta may address this account by in a webhook (`entry[].id`, the business side's id). */
export function recipientIdsOf(channel: IntegrationChannel, config: IntegrationConfig): string[] {
  return getChannel(channel).account.recipientIdsOf(config);
}

/** Facebook Login unless the row says otherwise: rows and env from before Instagram Login existed. */
export function loginVariantOf(channel: IntegrationChannel, config: IntegrationConfig): LoginVariant {
  return channel === "instagram" ? (config.loginVariant ?? "facebook") : "facebook";
}

/** "instagram-2" → "instagram"; "messenger" → "messenger". */
export function channelOfKey(key: IntegrationKey): IntegrationChannel {
  const channel = key.replace(/-\d+$/, "");
  if (!isChannelKey(channel)) throw new Error(`No channel for integration key "${key}"`);
  return channel;
}

/** A channel's first account is the row named after the channel; only it falls back to env. */
export function isFirstAccount(key: IntegrationKey): key is IntegrationChannel {
  return key === channelOfKey(key);
}

/** Every row name that can hold an account of the channel, first account first. */
export function accountKeysOf(channel: IntegrationChannel): IntegrationKey[] {
  return allIntegrationKeys().filter((key) => channelOfKey(key) === channel);
}

/** What staff call an account: "Instagram", "Instagram (2)". */
export function accountLabel(key: IntegrationKey): string {
  const label = channelMeta(channelOfKey(key)).label;
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
