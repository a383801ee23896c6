import { graphSettingsFromEnv, readEnv, type EnvVars } from "../meta/env-settings";
import type { ChannelCredentials } from "../types";

/**
 * WhatsApp credentials from env, for teams that configure by env instead of Settings.
 * A partial set is still useful: receiving webhooks needs only the app secret and verify token,
 * sending needs the token and phone number id, templates the Business Account id too. Missing
 * values stay empty strings, which every consumer treats as "not configured".
 * The shared META_* token alone does not switch WhatsApp on: an Instagram-only team sets it too.
 */
export function whatsappCredentialsFromEnv(env: EnvVars): ChannelCredentials | null {
  const accessToken = readEnv(env, "WHATSAPP_ACCESS_TOKEN", "META_ACCESS_TOKEN");
  const appSecret = readEnv(env, "WHATSAPP_APP_SECRET", "META_APP_SECRET");
  const verifyToken = readEnv(env, "WHATSAPP_VERIFY_TOKEN");
  const phoneNumberId = readEnv(env, "WHATSAPP_PHONE_NUMBER_ID");
  const businessAccountId = readEnv(env, "WHATSAPP_BUSINESS_ACCOUNT_ID");
  const namesWhatsApp = Boolean(readEnv(env, "WHATSAPP_ACCESS_TOKEN") || phoneNumberId || businessAccountId);
  if (!(accessToken && namesWhatsApp) && !(appSecret && verifyToken)) return null;
  return {
    accessToken: accessToken ?? "",
    appSecret: appSecret ?? "",
    verifyToken: verifyToken ?? "",
    accountId: phoneNumberId ?? "",
    ...(businessAccountId ? { businessAccountId } : {}),
    ...graphSettingsFromEnv(env),
    source: "environment",
  };
}
