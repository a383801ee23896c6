import { parsePayload } from "../meta/parse-payload";
import type { DeliveryStatus, NormalizedEvent, Participant } from "../types";
import { messageContent } from "./message-content";
import { whatsappValueSchema, whatsappWebhookSchema, type WhatsAppMessage, type WhatsAppStatus, type WhatsAppValue } from "./webhook-schema";

const statuses: Record<string, DeliveryStatus> = { sent: "SENT", delivered: "DELIVERED", read: "READ", failed: "FAILED" };

function participant(waId: string, value: WhatsAppValue): Participant {
  const name = value.contacts?.find((contact) => contact.wa_id === waId)?.profile?.name;
  return { id: waId, phone: `+${waId}`, ...(name ? { name } : {}) };
}

function messageEvent(message: WhatsAppMessage, value: WhatsAppValue): NormalizedEvent | undefined {
  const base = {
    channel: "whatsapp" as const,
    businessAccountId: value.metadata.phone_number_id,
    participant: participant(message.from, value),
    timestamp: message.timestamp,
  };
  if (message.type === "reaction" && message.reaction) {
    // WhatsApp signals a removed reaction with an empty (or missing) emoji.
    const emoji = message.reaction.emoji || null;
    return { ...base, kind: "reaction", targetExternalId: message.reaction.message_id, emoji, action: emoji ? "react" : "unreact" };
  }
  if (message.type === "edit" && message.edit) {
    const edited = editedText(message.edit);
    // An edit without text leaves the thread as it was rather than blanking the message.
    return edited === undefined ? undefined : { ...base, kind: "message_edited", externalId: message.edit.original_message_id, text: edited };
  }
  return {
    ...base,
    kind: "message",
    direction: "INBOUND",
    externalId: message.id,
    ...messageContent(message),
    ...(message.context?.id ? { replyToExternalId: message.context.id } : {}),
  };
}

function editedText(edit: NonNullable<WhatsAppMessage["edit"]>): string | undefined {
  const content = edit.message;
  return content?.text?.body ?? content?.image?.caption ?? content?.video?.caption ?? content?.document?.caption;
}

function failureOf(status: WhatsAppStatus): { code?: string; title: string; details?: string } | undefined {
  const failure = status.errors?.[0];
  if (!failure) return undefined;
  const details = failure.error_data?.details ?? failure.message;
  return {
    ...(failure.code !== undefined ? { code: String(failure.code) } : {}),
    title: failure.title ?? failure.message ?? "Message failed",
    ...(details ? { details } : {}),
  };
}

function statusEvent(status: WhatsAppStatus, value: WhatsAppValue): NormalizedEvent | undefined {
  const mapped = statuses[status.status];
  // "deleted", "warning" and future states say nothing about delivery.
  if (!mapped) return undefined;
  const error = mapped === "FAILED" ? failureOf(status) : undefined;
  return {
    channel: "whatsapp",
    kind: "status",
    businessAccountId: value.metadata.phone_number_id,
    participant: { id: status.recipient_id, phone: `+${status.recipient_id}` },
    timestamp: status.timestamp,
    externalId: status.id,
    status: mapped,
    ...(error ? { error } : {}),
  };
}

/** One webhook delivery → every message, reaction and status in it, across entries and changes. */
export function parseWhatsAppWebhook(payload: unknown): NormalizedEvent[] {
  const webhook = parsePayload(whatsappWebhookSchema, payload, "WhatsApp");
  const events: NormalizedEvent[] = [];
  webhook.entry.forEach((entry, entryIndex) => {
    entry.changes.forEach((change, changeIndex) => {
      if (change.field !== "messages") return;
      const value = parsePayload(whatsappValueSchema, change.value, "WhatsApp", ["entry", entryIndex, "changes", changeIndex, "value"]);
      for (const message of value.messages ?? []) {
        const event = messageEvent(message, value);
        if (event) events.push(event);
      }
      for (const status of value.statuses ?? []) {
        const event = statusEvent(status, value);
        if (event) events.push(event);
      }
    });
  });
  return events;
}
