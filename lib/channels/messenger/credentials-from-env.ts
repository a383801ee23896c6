import { graphSettingsFromEnv, readEnv, type EnvVars } from "../meta/env-settings";
import type { ChannelCredentials } from "../types";

/**
 * Messenger credentials from env (MESSENGER_*), for teams that configure by env instead of
 * Settings. As for Instagram, a partial set is useful (receiving needs only the app secret and
 * verify token) and the shared META_APP_SECRET fills in the app secret. A Page token is Messenger's
 * own: the shared META_ACCESS_TOKEN is an Instagram / WhatsApp fallback and does not switch it on.
 */
export function messengerCredentialsFromEnv(env: EnvVars): ChannelCredentials | null {
  const accessToken = readEnv(env, "MESSENGER_ACCESS_TOKEN");
  const appSecret = readEnv(env, "MESSENGER_APP_SECRET", "META_APP_SECRET");
  const verifyToken = readEnv(env, "MESSENGER_VERIFY_TOKEN");
  const accountId = readEnv(env, "MESSENGER_PAGE_ID");
  if (!(accessToken || accountId) && !(appSecret && verifyToken)) return null;
  return {
    accessToken: accessToken ?? "",
    appSecret: appSecret ?? "",
    verifyToken: verifyToken ?? "",
    accountId: accountId ?? "",
    ...graphSettingsFromEnv(env),
    source: "environment",
  };
}
