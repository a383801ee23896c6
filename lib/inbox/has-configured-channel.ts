import { CHANNEL_KEYS } from "@/lib/channels/types";
import { loadChannelAccounts } from "@/lib/settings/channel-credentials";

/** Whether any account of any channel can receive messages (Settings or env): a new install's inbox teaches setup instead. */
export async function hasConfiguredChannel(): Promise<boolean> {
  const accounts = await Promise.all(CHANNEL_KEYS.map((key) => loadChannelAccounts(key)));
  return accounts.some((found) => found.length > 0);
}
