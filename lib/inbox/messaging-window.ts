import type { MessagingWindow } from "@/lib/channels/types";

export const WINDOW_CLOSED_MESSAGE = "24-hour messaging window expired. Wait for the customer to message first.";

export interface ReplyWindow {
  /** Null when the customer never wrote: there is no window to reply in. */
  closesAt: Date | null;
  /** Past the free-form window, within the channel's HUMAN_AGENT window: replies go out tagged. */
  humanAgent: boolean;
}

export type ReplyAllowance = { allowed: true; humanAgent: boolean } | { allowed: false };

/**
 * Meta only delivers free-form replies within a window after the customer's last message; with
 * the Human Agent tag enabled (Instagram, Messenger: each channel's window says whether it has
 * one) a longer one, tagged HUMAN_AGENT. The one rule behind both the composer's "Reply window
 * closes in 3 h" and the send path's refusal.
 */
export function replyWindow(
  window: MessagingWindow,
  input: { lastInboundAt: Date | null; humanAgentTag: boolean; now?: Date },
): ReplyWindow {
  if (!input.lastInboundAt) return { closesAt: null, humanAgent: false };
  const now = (input.now ?? new Date()).getTime();
  const since = input.lastInboundAt.getTime();
  const freeFormEnd = since + window.freeFormMs;
  if (now <= freeFormEnd || !input.humanAgentTag || window.humanAgentMs === undefined) {
    return { closesAt: new Date(freeFormEnd), humanAgent: false };
  }
  return { closesAt: new Date(since + window.humanAgentMs), humanAgent: true };
}

/** Checked before any Graph call so a closed window costs nothing and says why. */
export function replyAllowance(
  window: MessagingWindow,
  input: { lastInboundAt: Date | null; now: Date; humanAgentTag: boolean },
): ReplyAllowance {
  const { closesAt, humanAgent } = replyWindow(window, input);
  if (!closesAt || input.now.getTime() > closesAt.getTime()) return { allowed: false };
  return { allowed: true, humanAgent };
}
