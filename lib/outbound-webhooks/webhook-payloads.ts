import type { WebhookEventInput } from "./record-webhook-event";

/**
 * The `data` of each event type: ids to look things up by through /api/v1, plus the facts a
 * receiver most often needs without a second call. Dates are ISO strings.
 */

interface MessageFacts {
  id: string;
  conversationId: string;
  channel: string;
  direction: "INBOUND" | "OUTBOUND";
  type: string;
  text: string | null;
  status: string;
  sentAt: Date;
}

function message(facts: MessageFacts) {
  return { ...facts, sentAt: facts.sentAt.toISOString() };
}

export function messageReceived(facts: MessageFacts & { contactId: string; leadId: string }): WebhookEventInput {
  const { contactId, leadId, ...rest } = facts;
  return { type: "message.received", data: { message: message(rest), contactId, leadId } };
}

export function messageSent(facts: MessageFacts & { sentById: string | null }): WebhookEventInput {
  const { sentById, ...rest } = facts;
  return { type: "message.sent", data: { message: message(rest), sentById } };
}

export function messageStatusChanged(facts: { id: string; conversationId: string; channel: string; from: string; status: string; error?: string | null }): WebhookEventInput {
  return { type: "message.status_changed", data: { message: facts } };
}

export function leadCreated(facts: { id: string; contactId: string; channel: string }): WebhookEventInput {
  return { type: "lead.created", data: { lead: { id: facts.id }, contactId: facts.contactId, channel: facts.channel } };
}

export function leadUpdated(facts: { id: string; changes: Record<string, unknown>; actorId: string | null }): WebhookEventInput {
  return { type: "lead.updated", data: { lead: { id: facts.id }, changes: facts.changes, actorId: facts.actorId } };
}

export function conversationAssigned(facts: { id: string; assigneeId: string | null; actorId: string | null }): WebhookEventInput {
  return { type: "conversation.assigned", data: { conversation: { id: facts.id }, assigneeId: facts.assigneeId, actorId: facts.actorId } };
}
