/**
 * Live updates for the inbox. Domain code publishes after its transaction commits; the SSE route
 * subscribes. The in-process bus serves one instance; the PostgreSQL bus (LISTEN/NOTIFY) carries
 * the same events across instances. Events carry ids, not content: clients refetch what changed.
 */
export type InboxEvent =
  | { type: "conversation.updated"; conversationId: string; channel: string }
  | { type: "message.created"; conversationId: string; messageId: string; channel: string }
  | { type: "message.updated"; conversationId: string; messageId: string; channel: string }
  | { type: "integration.updated"; channel: string }
  /** A lead moved, changed hands or value, or was merged away (then it answers 404). */
  | { type: "lead.updated"; leadId: string }
  /** A teammate was @mentioned in a private note, or read their mentions: their bell refetches. */
  | { type: "mention.updated"; userId: string }
  /** Admins renamed, recoloured or removed a label: lists refetch the labels they show. */
  | { type: "labels.updated" }
  /**
   * Collision detection (lib/presence): a staff member's tab is viewing, typing in, or left a
   * conversation. Only the presence stream forwards these (never the inbox stream: they are frequent
   * and change no data); `expiresAt` (epoch ms) lets a crashed instance's viewers fade away.
   */
  | {
      type: "presence.updated";
      conversationId: string;
      /** One per open tab, so two tabs of one person come and go independently. */
      connectionId: string;
      userId: string;
      userName: string;
      state: "viewing" | "typing" | "left";
      expiresAt: number;
    };

export type InboxEventListener = (event: InboxEvent) => void;

export interface EventBus {
  publish(event: InboxEvent): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(listener: InboxEventListener): () => void;
}
