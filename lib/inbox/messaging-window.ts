import type { MessagingWindow } from "@/lib/channels/types";

export const WINDOW_CLOSED_MESSAGE = "24-hour messaging window expired. Wait for the customer to message first.";

export type ReplyAllowance = { allowed: true; humanAgent: boolean } | { allowed: false };

/**
 * Meta only delivers free-form replies within a window after the customer's last message; with
 * the Human Agent tag enabled (Instagram) a longer one, tagged HUMAN_AGENT. Checked before any
 * Graph call so a closed window costs nothing and says why.
 */
export function replyAllowance(
  window: MessagingWindow,
  input: { lastInboundAt: Date | null; now: Date; humanAgentTag: boolean },
): ReplyAllowance {
  if (!input.lastInboundAt) return { allowed: false };
  const age = input.now.getTime() - input.lastInboundAt.getTime();
  if (age <= window.freeFormMs) return { allowed: true, humanAgent: false };
  if (input.humanAgentTag && window.humanAgentMs !== undefined && age <= window.humanAgentMs) {
    return { allowed: true, humanAgent: true };
  }
  return { allowed: false };
}
