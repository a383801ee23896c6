// Every channel the app speaks (server side). Adding one is its folder plus one line here and one
// in catalog.ts (its browser-safe metadata); nothing outside lib/channels changes.
import { instagramChannel } from "./instagram/instagram-channel";
import { messengerChannel } from "./messenger/messenger-channel";
import type { ChannelAdapter, ChannelKey, DbChannel } from "./types";
import { whatsappChannel } from "./whatsapp/whatsapp-channel";

export const channels: Readonly<Record<ChannelKey, ChannelAdapter>> = {
  instagram: instagramChannel,
  whatsapp: whatsappChannel,
  messenger: messengerChannel,
};

const allChannels = Object.values(channels);

export function getChannel(key: ChannelKey): ChannelAdapter {
  return channels[key];
}

/** Narrows a route parameter or stored string to a key we have an adapter for. */
export function isChannelKey(value: string): value is ChannelKey {
  return Object.hasOwn(channels, value);
}

/** The adapter for a webhook delivery's `object` field; undefined for objects we do not handle. */
export function channelByObject(object: unknown): ChannelAdapter | undefined {
  return allChannels.find((channel) => channel.webhookObject === object);
}

/** The adapter for a stored `Channel` enum value; undefined while a database channel has no adapter yet. */
export function channelFromDb(dbChannel: DbChannel): ChannelAdapter | undefined {
  return allChannels.find((channel) => channel.dbChannel === dbChannel);
}
