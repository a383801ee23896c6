import type { ChannelKey } from "../types";
import { channelLabel, GraphApiError } from "./graph-error";

/**
 * Fails before any request when an id the call needs was never configured (env credentials may be
 * partial), instead of letting Meta answer a confusing "Unknown path components: //messages".
 */
export function requireSetting(value: string | undefined, channel: ChannelKey, what: string): string {
  if (value) return value;
  throw new GraphApiError({
    kind: "INVALID_REQUEST",
    channel,
    userMessage: `${channelLabel(channel)} ${what} is not set — add it in Settings.`,
    metaMessage: `${what} missing from credentials`,
  });
}
