import { CHANNEL_KEYS } from "@/lib/channels/types";
import { loadChannelCredentials } from "@/lib/settings/channel-credentials";

/** Whether any channel can receive messages (Settings or env): a new install's inbox teaches setup instead. */
export async function hasConfiguredChannel(): Promise<boolean> {
  const credentials = await Promise.all(CHANNEL_KEYS.map((key) => loadChannelCredentials(key)));
  return credentials.some((found) => found !== null);
}
