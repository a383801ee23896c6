import type { InboundItem } from "@/lib/inbox/ingest/ingest-inbound-batch";
import type { ThreadRef } from "@/lib/inbox/ingest/ensure-threads";
import type { WebhookEventInput } from "./record-webhook-event";
import { leadCreated, messageReceived } from "./webhook-payloads";

/** The events a batch of stored customer messages raises: each message, and each lead it created. */
export function inboundWebhookEvents(stored: Array<{ item: InboundItem; thread: ThreadRef; messageId: string }>): WebhookEventInput[] {
  const events: WebhookEventInput[] = [];
  const newLeads = new Set<string>();
  for (const { item, thread, messageId } of stored) {
    const channel = item.adapter.dbChannel;
    if (thread.leadCreated && !newLeads.has(thread.leadId)) {
      newLeads.add(thread.leadId);
      events.push(leadCreated({ id: thread.leadId, contactId: thread.contactId, channel }));
    }
    events.push(
      messageReceived({
        id: messageId,
        conversationId: thread.conversationId,
        channel,
        direction: "INBOUND",
        type: item.event.type,
        text: item.event.text,
        status: "DELIVERED",
        sentAt: item.event.timestamp,
        contactId: thread.contactId,
        leadId: thread.leadId,
      }),
    );
  }
  return events;
}
