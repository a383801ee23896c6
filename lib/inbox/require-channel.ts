import { ApiError } from "@/lib/api/errors";
import { channelFromDb } from "@/lib/channels/registry";
import type { ChannelAdapter, DbChannel } from "@/lib/channels/types";

/** The adapter for a stored conversation/message channel; a channel without one can't be acted on yet. */
export function requireChannel(dbChannel: DbChannel): ChannelAdapter {
  const adapter = channelFromDb(dbChannel);
  if (!adapter) throw new ApiError({ code: "CHANNEL_NOT_CONFIGURED", message: `${dbChannel.toLowerCase()} is not supported yet` });
  return adapter;
}
