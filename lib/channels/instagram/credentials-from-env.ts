import { graphSettingsFromEnv, readEnv, type EnvVars } from "../meta/env-settings";
import type { ChannelCredentials } from "../types";

/**
 * Instagram credentials from env, for teams that configure by env instead of Settings.
 * A partial set is still useful: receiving webhooks needs only the app secret and verify token,
 * sending needs the token and account id. Missing values stay empty strings, which every consumer
 * treats as "not configured" (signature checks fail closed, sends fail before calling Meta).
 * The shared META_* token alone does not switch Instagram on: a WhatsApp-only team sets it too.
 */
export function instagramCredentialsFromEnv(env: EnvVars): ChannelCredentials | null {
  const accessToken = readEnv(env, "INSTAGRAM_ACCESS_TOKEN", "META_ACCESS_TOKEN");
  const appSecret = readEnv(env, "INSTAGRAM_APP_SECRET", "META_APP_SECRET");
  const verifyToken = readEnv(env, "INSTAGRAM_VERIFY_TOKEN");
  const accountId = readEnv(env, "INSTAGRAM_PAGE_ID");
  const namesInstagram = Boolean(readEnv(env, "INSTAGRAM_ACCESS_TOKEN") || accountId);
  if (!(accessToken && namesInstagram) && !(appSecret && verifyToken)) return null;
  return {
    accessToken: accessToken ?? "",
    appSecret: appSecret ?? "",
    verifyToken: verifyToken ?? "",
    accountId: accountId ?? "",
    ...graphSettingsFromEnv(env),
    source: "environment",
  };
}
