import { z } from "zod";
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

/** A channel configured entirely from env vars (the names teams already use), as stored config + secrets. */
export interface EnvIntegration {
  accessToken: string;
  appSecret: string;
  config: IntegrationConfig;
}

export function integrationFromEnv(channel: IntegrationChannel): EnvIntegration | null {
  const accessToken = (channel === "instagram" ? env.INSTAGRAM_ACCESS_TOKEN : env.WHATSAPP_ACCESS_TOKEN) ?? env.META_ACCESS_TOKEN;
  const appSecret = (channel === "instagram" ? env.INSTAGRAM_APP_SECRET : env.WHATSAPP_APP_SECRET) ?? env.META_APP_SECRET;
  const verifyToken = channel === "instagram" ? env.INSTAGRAM_VERIFY_TOKEN : env.WHATSAPP_VERIFY_TOKEN;
  const accountId = channel === "instagram" ? env.INSTAGRAM_PAGE_ID : env.WHATSAPP_PHONE_NUMBER_ID;
  if (!accessToken || !appSecret || !verifyToken || !accountId) return null;
  const config: IntegrationConfig =
    channel === "instagram"
      ? { webhookVerifyToken: verifyToken, pageId: accountId }
      : { webhookVerifyToken: verifyToken, phoneNumberId: accountId, businessAccountId: env.WHATSAPP_BUSINESS_ACCOUNT_ID };
  return { accessToken, appSecret, config: { ...config, graphApiVersion: env.META_GRAPH_API_VERSION } };
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
