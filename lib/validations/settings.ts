import { z } from "zod";
import { channelCatalog, CHANNEL_KEYS, DB_CHANNELS, type ChannelKey } from "@/lib/channels/catalog";
import { emailSchema, passwordSchema } from "@/lib/validations/auth";

/** Every channel an admin can configure: the catalog's. */
export const integrationChannelSchema = z.enum(CHANNEL_KEYS);
export type IntegrationChannel = ChannelKey;

/**
 * Which Integration row: a channel's name for its first account (the name existing rows, env and
 * routes already use), "instagram-2" … "instagram-9" for further accounts of a channel that takes
 * several (its catalog entry's maxAccounts).
 */
export function allIntegrationKeys(): IntegrationKey[] {
  return channelCatalog.flatMap((meta) => [
    meta.key,
    ...Array.from({ length: meta.maxAccounts - 1 }, (_, index) => `${meta.key}-${index + 2}` as IntegrationKey),
  ]);
}
const INTEGRATION_KEYS = new Set<string>(allIntegrationKeys());

export const integrationKeySchema = z
  .string()
  .refine((value) => INTEGRATION_KEYS.has(value), `Expected one of ${[...INTEGRATION_KEYS].join(", ")}`)
  .transform((value) => value as IntegrationKey);
export type IntegrationKey = IntegrationChannel | `${IntegrationChannel}-${number}`;

const MULTI_ACCOUNT_CHANNELS = channelCatalog.filter((meta) => meta.maxAccounts > 1).map((meta) => meta.key) as [ChannelKey, ...ChannelKey[]];

/** How an Instagram account is connected: a Page token on graph.facebook.com, or an Instagram user token on graph.instagram.com. */
export const loginVariantSchema = z.enum(["facebook", "instagram"]);
export type LoginVariant = z.infer<typeof loginVariantSchema>;

/** POST /api/settings/integrations: add another account of a channel that takes several (Instagram). */
export const addIntegrationSchema = z.object({
  channel: z.enum(MULTI_ACCOUNT_CHANNELS),
  loginVariant: loginVariantSchema.default("instagram"),
});
export type AddIntegrationInput = z.infer<typeof addIntegrationSchema>;

const META_ID = /^\d{1,30}$/;
const optionalId = (label: string) =>
  z
    .string()
    .trim()
    .max(30)
    .refine((value) => value === "" || META_ID.test(value), `${label} is digits only`)
    .default("");

/**
 * The integration form and PUT /api/settings/integrations/{channel}. Secrets are write-only: an empty
 * value means "keep what is stored", a typed value replaces it.
 */
export const saveIntegrationSchema = z.object({
  enabled: z.boolean().default(true),
  accessToken: z.string().trim().max(2_000).default(""),
  appSecret: z.string().trim().max(200).default(""),
  webhookVerifyToken: z
    .string()
    .trim()
    .max(200)
    .refine((value) => value === "" || /^[\x21-\x7e]+$/.test(value), "Use letters, digits and symbols without spaces")
    .default(""),
  pageId: optionalId("Page id"),
  instagramAccountId: optionalId("Instagram account id"),
  phoneNumberId: optionalId("Phone number id"),
  businessAccountId: optionalId("WhatsApp Business Account id"),
  graphApiVersion: z
    .string()
    .trim()
    .refine((value) => value === "" || /^v\d+\.\d+$/.test(value), 'Looks like "v21.0"')
    .default(""),
  humanAgentTag: z.boolean().default(false),
  /** Tell customers when we read their messages and are typing (mark seen / read receipts, typing indicators). */
  customerSignals: z.boolean().default(true),
  /** Instagram only; existing rows and env are Facebook Login. */
  loginVariant: loginVariantSchema.default("facebook"),
});
export type SaveIntegrationInput = z.infer<typeof saveIntegrationSchema>;

export const roleSchema = z.enum(["ADMIN", "AGENT"]);

export const createStaffSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(100),
  email: emailSchema,
  role: roleSchema,
  password: passwordSchema,
});
export type CreateStaffInput = z.infer<typeof createStaffSchema>;

/** PATCH /api/settings/users/{id}: one change at a time, so the audit trail reads plainly. */
export const updateStaffSchema = z.union([
  z.object({ role: roleSchema }).strict(),
  z.object({ disabled: z.boolean() }).strict(),
]);
export type UpdateStaffInput = z.infer<typeof updateStaffSchema>;

export const resetPasswordSchema = z.object({ password: passwordSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const blockChannelSchema = z.enum(DB_CHANNELS);

/** "Who": the IGSID / wa_id, an @username, or a phone number; resolved against known contacts. */
export const blockContactSchema = z.object({
  channel: blockChannelSchema,
  identifier: z.string().trim().min(1, "Enter an id, @username or phone number").max(200),
  reason: z.string().trim().max(500).optional(),
});
export type BlockContactInput = z.infer<typeof blockContactSchema>;

export const eventStatusSchema = z.enum(["RECEIVED", "PROCESSED", "IGNORED", "FAILED", "PARTIAL"]);

export const listEventsQuerySchema = z.object({
  source: integrationChannelSchema.optional(),
  status: eventStatusSchema.optional(),
  cursor: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListEventsQuery = z.infer<typeof listEventsQuerySchema>;

/** Which page's slice of the audit trail to show. */
export const auditScopeSchema = z.enum(["integration", "user", "blocklist", "event", "label", "away-message", "api-token", "webhook"]);
export type AuditScope = z.infer<typeof auditScopeSchema>;

export const auditQuerySchema = z.object({
  scope: auditScopeSchema,
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
