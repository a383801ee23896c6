import { ApiError, type ErrorDetail } from "@/lib/api/errors";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encryptionKey } from "@/lib/local-secrets";
import { eventBus } from "@/lib/realtime/bus";
import { writeAuditLog } from "@/lib/settings/audit-log";
import {
  accountIdOf,
  integrationConfigSchema,
  integrationFromEnv,
  rowConfigures,
  type IntegrationConfig,
} from "@/lib/settings/integration-config";
import type { IntegrationChannel, SaveIntegrationInput } from "@/lib/validations/settings";

/**
 * Saves a channel's Integration row from the settings form. Secrets are encrypted before they reach
 * the database and replaced only when a new value was typed; the audit entry names the fields that
 * changed, never their values.
 */
export async function saveIntegration(channel: IntegrationChannel, input: SaveIntegrationInput, actorId: string) {
  const existing = await db.integration.findUnique({
    where: { name: channel },
    select: { accessToken: true, apiSecret: true, config: true, isEnabled: true },
  });
  const before = integrationConfigSchema.parse(existing?.config ?? {});
  const config: IntegrationConfig = {
    webhookVerifyToken: input.webhookVerifyToken,
    ...(channel === "instagram"
      ? { pageId: input.pageId, instagramAccountId: input.instagramAccountId, humanAgentTag: input.humanAgentTag }
      : { phoneNumberId: input.phoneNumberId, businessAccountId: input.businessAccountId }),
    graphApiVersion: input.graphApiVersion,
  };
  if (input.enabled) requireComplete(channel, config, input, existing);

  const changed: string[] = (Object.keys(config) as (keyof IntegrationConfig)[]).filter(
    (field) => (before[field] ?? "") !== (config[field] ?? ""),
  );
  if (input.accessToken) changed.push("accessToken");
  if (input.appSecret) changed.push("apiSecret");
  if (existing && existing.isEnabled !== input.enabled) changed.push("enabled");

  const key = encryptionKey();
  const data = {
    isEnabled: input.enabled,
    config: config as Prisma.InputJsonObject,
    ...(input.accessToken ? { accessToken: encryptSecret(input.accessToken, key) } : {}),
    ...(input.appSecret ? { apiSecret: encryptSecret(input.appSecret, key) } : {}),
    // A new token or account starts unverified: the old "connected as" no longer says anything.
    ...(input.accessToken || changed.some((field) => field === "pageId" || field === "instagramAccountId" || field === "phoneNumberId")
      ? { connectedAs: null, lastVerifiedAt: null, lastError: null, needsReconnect: false, tokenExpiresAt: null }
      : {}),
  };
  await db.$transaction(async (tx) => {
    await tx.integration.upsert({ where: { name: channel }, create: { name: channel, ...data }, update: data });
    await writeAuditLog({ actorId, action: "integration.update", target: channel, details: { changed, enabled: input.enabled } }, tx);
  });
  await eventBus.publish({ type: "integration.updated", channel });
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
  const key = encryptionKey();
  const data = {
    isEnabled: true,
    accessToken: fromEnv.accessToken ? encryptSecret(fromEnv.accessToken, key) : null,
    apiSecret: fromEnv.appSecret ? encryptSecret(fromEnv.appSecret, key) : null,
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
    missing.push(
      channel === "whatsapp"
        ? { field: "phoneNumberId", issue: "Enter the phone number id" }
        : { field: "instagramAccountId", issue: "Enter the Instagram account id or the page id" },
    );
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
