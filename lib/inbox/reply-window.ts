/**
 * When a conversation's reply window closes, for the composer's "Reply window closes in 3 h".
 * Meta delivers free-form replies within 24 h of the customer's last message; Instagram (and
 * Messenger) allow 7 days with the HUMAN_AGENT tag when the integration enables it. The reply route
 * enforces the same rule; this only tells staff ahead of time.
 */
const HOUR_MS = 60 * 60 * 1000;
const FREE_FORM_MS = 24 * HOUR_MS;
const HUMAN_AGENT_MS = 7 * 24 * HOUR_MS;

export type WindowChannel = "INSTAGRAM" | "WHATSAPP" | "MESSENGER";

export interface ReplyWindow {
  /** Null when the customer never wrote: there is no window to reply in. */
  closesAt: Date | null;
  /** The reply will go out with the HUMAN_AGENT tag (past 24 h, within 7 days). */
  humanAgent: boolean;
}

export function replyWindow(input: {
  channel: WindowChannel;
  lastInboundAt: Date | null;
  humanAgentTag: boolean;
  now?: Date;
}): ReplyWindow {
  if (!input.lastInboundAt) return { closesAt: null, humanAgent: false };
  const now = (input.now ?? new Date()).getTime();
  const since = input.lastInboundAt.getTime();
  const freeFormEnd = since + FREE_FORM_MS;
  const tagAllowed = input.humanAgentTag && input.channel !== "WHATSAPP";
  if (now <= freeFormEnd || !tagAllowed) return { closesAt: new Date(freeFormEnd), humanAgent: false };
  return { closesAt: new Date(since + HUMAN_AGENT_MS), humanAgent: true };
}
