// Every channel the app speaks, as the browser may see it (names, icons, windows, settings fields).
// The server side of each channel is in registry.ts; a new channel adds one line to each.
import type { ChannelMeta } from "./channel-meta";
import { instagramMeta } from "./instagram/meta";
import { messengerMeta } from "./messenger/meta";
import { whatsappMeta } from "./whatsapp/meta";

/** In the order the inbox shows its tabs and Settings its cards. */
export const channelCatalog = [whatsappMeta, instagramMeta, messengerMeta] as const satisfies readonly ChannelMeta[];

export type ChannelKey = (typeof channelCatalog)[number]["key"];
export type CatalogDbChannel = (typeof channelCatalog)[number]["dbChannel"];

export const CHANNEL_KEYS = channelCatalog.map((meta) => meta.key) as [ChannelKey, ...ChannelKey[]];
export const DB_CHANNELS = channelCatalog.map((meta) => meta.dbChannel) as [CatalogDbChannel, ...CatalogDbChannel[]];

export function channelMeta(key: ChannelKey): ChannelMeta {
  return channelCatalog.find((meta) => meta.key === key)!;
}

/** The metadata for a stored `Channel` value; undefined for a value no channel claims. */
export function channelMetaByDb(dbChannel: string): ChannelMeta | undefined {
  return channelCatalog.find((meta) => meta.dbChannel === dbChannel);
}

/** What staff call a stored channel ("WhatsApp"), falling back to the raw value. */
export function channelLabel(dbChannel: string): string {
  return channelMetaByDb(dbChannel)?.label ?? dbChannel;
}
