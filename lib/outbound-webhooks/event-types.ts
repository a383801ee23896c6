/** The events an outgoing webhook endpoint can subscribe to (names fixed by issue 16). */
export const WEBHOOK_EVENT_TYPES = [
  "message.received",
  "message.sent",
  "message.status_changed",
  "lead.created",
  "lead.updated",
  "conversation.assigned",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
