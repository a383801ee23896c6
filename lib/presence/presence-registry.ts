import type { InboxEvent } from "@/lib/realtime/types";

export type PresenceEvent = Extract<InboxEvent, { type: "presence.updated" }>;
export type PresenceState = PresenceEvent["state"];

/** A teammate on a conversation as the thread shows them: one per person, typing if any of their tabs types. */
export interface Viewer {
  userId: string;
  userName: string;
  typing: boolean;
}

/**
 * Who is on which conversation, as this instance has heard it over the bus (its own tabs and every
 * other instance's). Framework-free: the hub feeds it events and asks it questions with a clock.
 */
export class PresenceRegistry {
  private readonly byConversation = new Map<string, Map<string, PresenceEvent>>();

  apply(event: PresenceEvent): void {
    let connections = this.byConversation.get(event.conversationId);
    if (event.state === "left") {
      connections?.delete(event.connectionId);
      if (connections?.size === 0) this.byConversation.delete(event.conversationId);
      return;
    }
    if (!connections) this.byConversation.set(event.conversationId, (connections = new Map()));
    connections.set(event.connectionId, event);
  }

  get(conversationId: string, connectionId: string): PresenceEvent | undefined {
    return this.byConversation.get(conversationId)?.get(connectionId);
  }

  /** Live connections on a conversation (expired ones are dropped on the way). */
  connections(conversationId: string, now: number): PresenceEvent[] {
    const connections = this.byConversation.get(conversationId);
    if (!connections) return [];
    for (const [id, event] of connections) if (event.expiresAt <= now) connections.delete(id);
    if (connections.size === 0) this.byConversation.delete(conversationId);
    return [...connections.values()];
  }

  /** People on the conversation other than `exceptUserId`, by name, typing ones first. */
  viewers(conversationId: string, now: number, exceptUserId?: string): Viewer[] {
    return mergeByPerson(this.connections(conversationId, now).filter((event) => event.userId !== exceptUserId));
  }

  /** Drops every expired connection; the hub calls it on its heartbeat so the map cannot grow without bound. */
  prune(now: number): void {
    for (const conversationId of [...this.byConversation.keys()]) this.connections(conversationId, now);
  }
}

export function mergeByPerson(events: PresenceEvent[]): Viewer[] {
  const people = new Map<string, Viewer>();
  for (const event of events) {
    const known = people.get(event.userId);
    const typing = event.state === "typing" || Boolean(known?.typing);
    people.set(event.userId, { userId: event.userId, userName: event.userName, typing });
  }
  return [...people.values()].sort((a, b) => Number(b.typing) - Number(a.typing) || a.userName.localeCompare(b.userName));
}
