import { parsePayload } from "../meta/parse-payload";
import { withoutEmpty } from "../meta/without-empty";
import type { DeliveryStatus, NormalizedEvent, Participant, Referral } from "../types";
import { messageContent } from "./message-content";
import { whatsappValueSchema, whatsappWebhookSchema, type WhatsAppMessage, type WhatsAppStatus, type WhatsAppValue } from "./webhook-schema";

const statuses: Record<string, DeliveryStatus> = { sent: "SENT", delivered: "DELIVERED", read: "READ", failed: "FAILED" };

/**
 * The customer by phone (wa_id), business-scoped user id (user_id), or both: a customer with a
 * username may come without a phone, which Meta sends as "" or leaves out. The id is the phone when
 * there is one (what every contact was known by before usernames), else the BSUID.
 */
function participant(phone: string | undefined, bsuid: string | undefined, value: WhatsAppValue): Participant {
  const profile = value.contacts?.find((contact) => (phone && contact.wa_id === phone) || (bsuid && contact.user_id === bsuid));
  const userId = bsuid || profile?.user_id || undefined;
  const name = profile?.profile?.name;
  const username = profile?.profile?.username?.replace(/^@/, "");
  return {
    id: phone || userId || "",
    ...(phone ? { phone: `+${phone}` } : {}),
    ...(userId ? { bsuid: userId } : {}),
    ...(name ? { name } : {}),
    ...(username ? { username } : {}),
  };
}

const IDENTITY_CHANGES = new Set(["user_changed_number", "user_changed_user_id"]);

/**
 * Meta's referral, normalised: source_type "ad" (or a click id) is a click-to-WhatsApp ad; the other
 * source, "post", is a post the customer tapped through from, which no ad paid for.
 */
function referralOf(referral: WhatsAppMessage["referral"]): Referral | undefined {
  if (!referral) return undefined;
  const isAd = referral.source_type === "ad" || Boolean(referral.ctwa_clid);
  const fields: Omit<Referral, "kind"> = {
    source: referral.source_type,
    adId: isAd ? referral.source_id : undefined,
    url: referral.source_url,
    headline: referral.headline,
    body: referral.body,
    mediaType: referral.media_type,
    clickId: referral.ctwa_clid,
  };
  return { kind: isAd ? "ad" : "organic", ...withoutEmpty(fields) };
}

function messageEvents(message: WhatsAppMessage, value: WhatsAppValue): NormalizedEvent[] {
  const base = {
    channel: "whatsapp" as const,
    businessAccountId: value.metadata.phone_number_id,
    participant: participant(message.from, message.from_user_id, value),
    timestamp: message.timestamp,
  };
  if (message.type !== "system" || !message.system?.type || !IDENTITY_CHANGES.has(message.system.type)) {
    const event = messageEvent(message, base);
    return event ? [event] : [];
  }
  // The identity moves first; the notice then lands, under the new identity, in the customer's one conversation.
  const { wa_id: newPhone, user_id: newBsuid } = message.system;
  const change: NormalizedEvent = { ...base, kind: "identity_changed", ...(newPhone ? { newPhone } : {}), ...(newBsuid ? { newBsuid } : {}) };
  const current = participant(newPhone || message.from, newBsuid || message.from_user_id, value);
  const notice = messageEvent(message, { ...base, participant: current });
  return notice ? [change, notice] : [change];
}

function messageEvent(
  message: WhatsAppMessage,
  base: { channel: "whatsapp"; businessAccountId: string; participant: Participant; timestamp: Date },
): NormalizedEvent | undefined {
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
    ...(message.referral ? { referral: referralOf(message.referral) } : {}),
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
    participant: participant(status.recipient_id, status.recipient_user_id, value),
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
      for (const message of value.messages ?? []) events.push(...messageEvents(message, value));
      for (const status of value.statuses ?? []) {
        const event = statusEvent(status, value);
        if (event) events.push(event);
      }
    });
  });
  return events;
}
