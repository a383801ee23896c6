import { z } from "zod";
import { getChannel } from "@/lib/channels/registry";
import { env } from "@/lib/env";
import type { IntegrationChannel } from "@/lib/validations/settings";

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
  })
  .catch({});
export type IntegrationConfig = z.infer<typeof integrationConfigSchema>;

export const CHANNEL_SETTINGS = {
  instagram: {
    label: "Instagram",
    webhookFields: ["messages", "messaging_postbacks", "messaging_seen", "message_reactions", "message_edit"],
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

/** The id the Graph API is asked about: Instagram account (or page) id, or WhatsApp phone number id. */
export function accountIdOf(channel: IntegrationChannel, config: IntegrationConfig): string | undefined {
  const pick = (value?: string) => (value && value.trim() !== "" ? value.trim() : undefined);
  return channel === "whatsapp" ? pick(config.phoneNumberId) : (pick(config.instagramAccountId) ?? pick(config.pageId));
}

/** A row counts as configuring the channel once anything beyond a bare status row is stored in it. */
export function rowConfigures(
  channel: IntegrationChannel,
  row: { accessToken: string | null; apiSecret: string | null; config: unknown },
): boolean {
  const config = integrationConfigSchema.parse(row.config ?? {});
  return Boolean(row.accessToken || row.apiSecret || config.webhookVerifyToken || accountIdOf(channel, config));
}
