import { instagramChannel } from "./instagram/instagram-channel";
import { whatsappChannel } from "./whatsapp/whatsapp-channel";
import type { ChannelAdapter, ChannelKey, DbChannel } from "./types";

/** Every channel adapter, by key. Adding a channel is one import and one entry here. */
const channels: Record<ChannelKey, ChannelAdapter> = {
  instagram: instagramChannel,
  whatsapp: whatsappChannel,
};

export function getChannel(key: ChannelKey): ChannelAdapter {
  return channels[key];
}

/** The adapter for a webhook payload's `object` field, if any channel claims it. */
export function channelByObject(object: string): ChannelAdapter | undefined {
  return Object.values(channels).find((adapter) => adapter.webhookObject === object);
}

export function channelFromDb(channel: DbChannel): ChannelAdapter {
  const adapter = Object.values(channels).find((candidate) => candidate.dbChannel === channel);
  if (!adapter) throw new Error(`Channel ${channel} is not available`);
  return adapter;
}
