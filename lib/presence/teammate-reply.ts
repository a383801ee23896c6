import type { MessageJson } from "@/lib/inbox/api-types";

export interface TeammateReply {
  name: string;
  /** Epoch ms the reply was sent. */
  at: number;
}

/** The newest reply a teammate sent to the customer after `since` (epoch ms); notes and failed sends don't count. */
export function teammateReplySince(messages: MessageJson[], meId: string, since: number): TeammateReply | null {
  let newest: TeammateReply | null = null;
  for (const message of messages) {
    if (message.direction !== "OUTBOUND" || message.type === "NOTE" || message.status === "FAILED") continue;
    if (!message.sentBy || message.sentBy.id === meId) continue;
    const at = Date.parse(message.sentAt);
    if (at > since && (!newest || at > newest.at)) newest = { name: message.sentBy.name, at };
  }
  return newest;
}

/** "20 s", "3 min", "2 h": how long ago, short. */
export function agoText(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}
