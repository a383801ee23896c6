import { ApiError, type ErrorDetail } from "@/lib/api/errors";
import { channelMeta } from "@/lib/channels/catalog";
import type { AccountField } from "@/lib/channels/channel-meta";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encryptionKey } from "@/lib/local-secrets";
import { eventBus } from "@/lib/realtime/bus";
import { writeAuditLog } from "@/lib/settings/audit-log";
import { isUniqueViolation } from "@/lib/db-errors";
import {
  accountIdOf,
  accountKeysOf,
  channelOfKey,
  integrationConfigSchema,
  integrationFromEnv,
  isFirstAccount,
  loginVariantOf,
  rowConfigures,
  type IntegrationConfig,
} from "@/lib/settings/integration-config";
import type { AddIntegrationInput, IntegrationChannel, IntegrationKey, SaveIntegrationInput } from "@/lib/validations/settings";

/**
 * Saves a channel's Integration row from the settings form. Secrets are encrypted before they reach
 * the database and replaced only when a new value was typed; the audit entry names the fields that
 * changed, never their values.
 */
export async function saveIntegration(key: IntegrationKey, input: SaveIntegrationInput, actorId: string) {
  const channel = channelOfKey(key);
  const existing = await db.integration.findUnique({
    where: { name: key },
    select: { accessToken: true, apiSecret: true, config: true, isEnabled: true },
  });
  const before = integrationConfigSchema.parse(existing?.config ?? {});
  const config = configFromInput(channel, input);
  if (input.enabled) requireComplete(channel, config, input, existing);

  const changed: string[] = (Object.keys(config) as (keyof IntegrationConfig)[]).filter((field) =>
    field === "loginVariant"
      ? loginVariantOf(channel, before) !== loginVariantOf(channel, config)
      : field === "customerSignals"
        ? (before.customerSignals ?? true) !== (config.customerSignals ?? true)
        : (before[field] ?? "") !== (config[field] ?? ""),
  );
  if (input.accessToken) changed.push("accessToken");
  if (input.appSecret) changed.push("apiSecret");
  if (existing && existing.isEnabled !== input.enabled) changed.push("enabled");

  const secretKey = encryptionKey();
  const data = {
    isEnabled: input.enabled,
    config: config as Prisma.InputJsonObject,
    ...(input.accessToken ? { accessToken: encryptSecret(input.accessToken, secretKey) } : {}),
    ...(input.appSecret ? { apiSecret: encryptSecret(input.appSecret, secretKey) } : {}),
    // A new token, account or login variant starts unverified: the old "connected as" no longer says anything.
    ...(input.accessToken || changed.some((field) => ACCOUNT_FIELDS.has(field))
      ? { connectedAs: null, lastVerifiedAt: null, lastError: null, needsReconnect: false, tokenErrorCount: 0, tokenExpiresAt: null }
      : {}),
    // Meta does not say when a pasted token expires. Its age starts now; the first renewal, a day
    // from now for Instagram Login, answers with the real expiry (refresh-instagram-tokens.ts).
    ...(input.accessToken ? { tokenRefreshedAt: new Date() } : {}),
  };
  await db.$transaction(async (tx) => {
    await tx.integration.upsert({ where: { name: key }, create: { name: key, ...data }, update: data });
    await writeAuditLog({ actorId, action: "integration.update", target: key, details: { changed, enabled: input.enabled } }, tx);
  });
  await eventBus.publish({ type: "integration.updated", channel: key });
}

const ACCOUNT_FIELDS = new Set(["pageId", "instagramAccountId", "phoneNumberId", "loginVariant"]);

/**
 * "Add Instagram account": a further account in the next free row (instagram-2 … instagram-9),
 * disabled until its card is filled in and saved.
 */
export async function addIntegrationAccount(input: AddIntegrationInput, actorId: string): Promise<IntegrationKey> {
  const taken = await db.integration.findMany({ where: { name: { in: accountKeysOf(input.channel) } }, select: { name: true } });
  const key = accountKeysOf(input.channel).find((candidate) => !isFirstAccount(candidate) && !taken.some((row) => row.name === candidate));
  if (!key) throw new ApiError({ code: "CONFLICT", message: "No more Instagram accounts can be added (the limit is 9)" });
  try {
    await db.$transaction(async (tx) => {
      await tx.integration.create({ data: { name: key, isEnabled: false, config: { loginVariant: input.loginVariant } } });
      await writeAuditLog({ actorId, action: "integration.add", target: key, details: { loginVariant: input.loginVariant } }, tx);
    });
  } catch (error) {
    // Another admin added one at the same moment: let them retry into the next free row.
    if (isUniqueViolation(error, { model: "Integration", fields: ["name"] })) {
      throw new ApiError({ code: "CONFLICT", message: "Another account was just added. Try again." });
    }
    throw error;
  }
  await eventBus.publish({ type: "integration.updated", channel: key });
  return key;
}

/**
 * "Move into the database": copies an env-configured channel into an Integration row, so it can be
 * edited here; env stays as it is (and is simply no longer needed).
 */
export async function importIntegrationFromEnv(channel: IntegrationChannel, actorId: string) {
  const fromEnv = integrationFromEnv(channel);
  if (!fromEnv) throw new ApiError({ code: "NOT_FOUND", message: "This channel is not configured from environment variables" });
  const existing = await db.integration.findUnique({
    where: { name: channel },
    select: { accessToken: true, apiSecret: true, config: true },
  });
  if (existing && rowConfigures(channel, existing)) {
    throw new ApiError({ code: "CONFLICT", message: "This channel is already configured in the database" });
  }
  const secretKey = encryptionKey();
  const data = {
    isEnabled: true,
    accessToken: fromEnv.accessToken ? encryptSecret(fromEnv.accessToken, secretKey) : null,
    apiSecret: fromEnv.appSecret ? encryptSecret(fromEnv.appSecret, secretKey) : null,
    config: fromEnv.config as Prisma.InputJsonObject,
  };
  await db.$transaction(async (tx) => {
    await tx.integration.upsert({ where: { name: channel }, create: { name: channel, ...data }, update: data });
    await writeAuditLog({ actorId, action: "integration.import-env", target: channel }, tx);
  });
  await eventBus.publish({ type: "integration.updated", channel });
}

function requireComplete(
  channel: IntegrationChannel,
  config: IntegrationConfig,
  input: SaveIntegrationInput,
  existing: { accessToken: string | null; apiSecret: string | null } | null,
) {
  const missing: ErrorDetail[] = [];
  if (!accountIdOf(channel, config)) {
    // Whichever of the card's ids would name the account (Instagram with Facebook Login takes either).
    const naming = shownAccountFields(channel, config).filter((field) => accountIdOf(channel, { ...config, [field]: "1" }));
    missing.push({ field: naming[0], issue: `Enter the ${naming.map((field) => FIELD_PHRASES[field]).join(" or the ")}` });
  }
  if (!config.webhookVerifyToken) missing.push({ field: "webhookVerifyToken", issue: "Enter or generate a verify token" });
  if (!input.accessToken && !existing?.accessToken) missing.push({ field: "accessToken", issue: "Enter the access token" });
  if (!input.appSecret && !existing?.apiSecret) missing.push({ field: "appSecret", issue: "Enter the app secret" });
  if (missing.length > 0) {
    throw new ApiError({
      code: "VALIDATION_FAILED",
      message: `To enable the channel: ${missing.map((detail) => detail.issue.toLowerCase()).join(", ")}`,
      details: missing,
    });
  }
}

const FIELD_PHRASES: Record<AccountField, string> = {
  pageId: "page id",
  instagramAccountId: "Instagram account id",
  phoneNumberId: "phone number id",
  businessAccountId: "WhatsApp Business Account id",
};

/** The account ids the card shows: Instagram Login has no page. */
function shownAccountFields(channel: IntegrationChannel, config: IntegrationConfig): AccountField[] {
  const fields = [...channelMeta(channel).accountFields];
  return loginVariantOf(channel, config) === "instagram" ? fields.filter((field) => field !== "pageId") : fields;
}

/** What the form's input stores for this channel: its own ids only, the Human Agent switch where Meta has the tag. */
function configFromInput(channel: IntegrationChannel, input: SaveIntegrationInput): IntegrationConfig {
  const meta = channelMeta(channel);
  // Only Instagram has two ways to log in; every other channel is a Facebook Login (Page / business) token.
  const loginVariant = channel === "instagram" ? input.loginVariant : undefined;
  const ids = Object.fromEntries(
    shownAccountFields(channel, { loginVariant }).map((field) => [field, input[field]]),
  ) as Pick<IntegrationConfig, AccountField>;
  return {
    webhookVerifyToken: input.webhookVerifyToken,
    // A page id left over from a Facebook Login setup must not route an Instagram Login account's webhooks here.
    ...(meta.accountFields.includes("pageId") && !("pageId" in ids) ? { pageId: "" } : {}),
    ...ids,
    ...(meta.humanAgentTag ? { humanAgentTag: input.humanAgentTag } : {}),
    ...(loginVariant ? { loginVariant } : {}),
    graphApiVersion: input.graphApiVersion,
    customerSignals: input.customerSignals,
  };
}
