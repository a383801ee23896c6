import { deliveryEntries, field, idAt, parseItem, pathOf, understood, unreadable } from "../meta/delivery-item";
import { optionalEpoch } from "../meta/lenient";
import { withoutEmpty } from "../meta/without-empty";
import type { DeliveryItem, DeliveryStatus, NormalizedEvent, Participant, Referral } from "../types";
import { messageContent } from "./message-content";
import { messageSchema, profileSchema, statusSchema, type WhatsAppMessage, type WhatsAppProfile, type WhatsAppStatus } from "./webhook-schema";

const statuses: Record<string, DeliveryStatus> = { sent: "SENT", delivered: "DELIVERED", read: "READ", failed: "FAILED" };

const UNREADABLE_TEXT = "Sent a message this inbox can't show yet. Check WhatsApp on the business phone.";

/** What a change's items share: the business number they reached and the profiles of the people in them. */
interface ChangeContext {
  /** The phone number id; "" when the change has no `metadata` (ingest then uses the channel's account). */
  businessAccountId: string;
  profiles: WhatsAppProfile[];
}

type Base = { channel: "whatsapp"; businessAccountId: string; participant: Participant; timestamp: Date };

/**
 * The customer by phone (wa_id), business-scoped user id (user_id), or both: a customer with a
 * username may come without a phone, which Meta sends as "" or leaves out. The id is the phone when
 * there is one (what every contact was known by before usernames), else the BSUID.
 */
function participant(phone: string | undefined, bsuid: string | undefined, context: ChangeContext): Participant {
  const profile = context.profiles.find((contact) => (phone && contact.wa_id === phone) || (bsuid && contact.user_id === bsuid));
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

// A message without a time of its own happened when it came: process-event.ts clamps anything
// after the delivery's arrival to the arrival, and "now" always is.
const timeOf = (timestamp: Date | undefined) => timestamp ?? new Date();

function messageEvents(message: WhatsAppMessage, raw: unknown, context: ChangeContext): NormalizedEvent[] {
  const base: Base = {
    channel: "whatsapp",
    businessAccountId: context.businessAccountId,
    participant: participant(message.from, message.from_user_id, context),
    timestamp: timeOf(message.timestamp),
  };
  if (message.type !== "system" || !message.system?.type || !IDENTITY_CHANGES.has(message.system.type)) {
    const event = messageEvent(message, raw, base);
    return event ? [event] : [];
  }
  // The identity moves first; the notice then lands, under the new identity, in the customer's one conversation.
  const { wa_id: newPhone, user_id: newBsuid } = message.system;
  const change: NormalizedEvent = { ...base, kind: "identity_changed", ...(newPhone ? { newPhone } : {}), ...(newBsuid ? { newBsuid } : {}) };
  const current = participant(newPhone || message.from, newBsuid || message.from_user_id, context);
  const notice = messageEvent(message, raw, { ...base, participant: current });
  return notice ? [change, notice] : [change];
}

function messageEvent(message: WhatsAppMessage, raw: unknown, base: Base): NormalizedEvent | undefined {
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
    ...messageContent(message, raw),
    ...(message.context?.id ? { replyToExternalId: message.context.id } : {}),
    ...(message.referral ? { referral: referralOf(message.referral) } : {}),
  };
}

function editedText(edit: NonNullable<WhatsAppMessage["edit"]>): string | undefined {
  const content = edit.message;
  return content?.text?.body ?? content?.image?.caption ?? content?.video?.caption ?? content?.document?.caption;
}

function failureOf(status: WhatsAppStatus): { code?: string; title: string; details?: string } | undefined {
  const failure = status.errors[0];
  if (!failure) return undefined;
  const details = failure.error_data?.details ?? failure.message;
  return {
    ...(failure.code !== undefined ? { code: String(failure.code) } : {}),
    title: failure.title ?? failure.message ?? "Message failed",
    ...(details ? { details } : {}),
  };
}

function statusEvents(status: WhatsAppStatus, context: ChangeContext): NormalizedEvent[] {
  const mapped = statuses[status.status];
  // "deleted", "warning" and future states say nothing about delivery.
  if (!mapped) return [];
  const error = mapped === "FAILED" ? failureOf(status) : undefined;
  return [
    {
      channel: "whatsapp",
      kind: "status",
      businessAccountId: context.businessAccountId,
      participant: participant(status.recipient_id, status.recipient_user_id, context),
      timestamp: timeOf(status.timestamp),
      externalId: status.id,
      status: mapped,
      ...(error ? { error } : {}),
    },
  ];
}

/** A message we can't read still reaches its sender's thread when the item names them. */
function unreadableMessage(raw: unknown, error: string, path: string, context: ChangeContext): DeliveryItem {
  const phone = idAt(raw, "from");
  const bsuid = idAt(raw, "from_user_id");
  const timestamp = optionalEpoch.safeParse(field(raw, "timestamp"));
  return unreadable({
    path,
    raw,
    error,
    text: UNREADABLE_TEXT,
    externalId: idAt(raw, "id"),
    sender:
      phone || bsuid
        ? {
            channel: "whatsapp",
            businessAccountId: context.businessAccountId,
            participant: participant(phone, bsuid, context),
            timestamp: timeOf(timestamp.success ? timestamp.data : undefined),
          }
        : undefined,
  });
}

function changeContext(value: unknown): ChangeContext {
  const profiles = Array.isArray(field(value, "contacts")) ? (field(value, "contacts") as unknown[]) : [];
  return {
    businessAccountId: idAt(value, "metadata", "phone_number_id") ?? "",
    profiles: profiles.flatMap((profile) => {
      const parsed = profileSchema.safeParse(profile);
      return parsed.success ? [parsed.data] : [];
    }),
  };
}

/** A change's messages and statuses, each an item of its own. */
function changeItems(change: unknown, path: string): DeliveryItem[] {
  const kind = field(change, "field");
  // Only `messages` changes carry conversations; template, quality and account updates are not read.
  if (kind !== undefined && kind !== "messages") return [];
  const value = field(change, "value");
  if (value === null || typeof value !== "object") return [{ path, events: [], error: `${path}.value: expected an object` }];
  const context = changeContext(value);
  return [
    ...arrayItems(value, path, "messages", (raw, itemPath) => {
      const parsed = parseItem(messageSchema, raw, itemPath);
      return "data" in parsed ? understood(itemPath, messageEvents(parsed.data, raw, context)) : unreadableMessage(raw, parsed.error, itemPath, context);
    }),
    ...arrayItems(value, path, "statuses", (raw, itemPath) => {
      const parsed = parseItem(statusSchema, raw, itemPath);
      // A status we can't read belongs to no thread: it is recorded against the event.
      return "data" in parsed ? understood(itemPath, statusEvents(parsed.data, context)) : { path: itemPath, events: [], error: parsed.error };
    }),
  ];
}

function arrayItems(value: unknown, path: string, name: string, itemOf: (raw: unknown, itemPath: string) => DeliveryItem): DeliveryItem[] {
  const raws = field(value, name);
  if (raws === undefined || raws === null) return [];
  const listPath = pathOf(path, "value", name);
  if (!Array.isArray(raws)) return [{ path: listPath, events: [], error: `${listPath}: expected an array` }];
  return raws.map((raw, index) => itemOf(raw, pathOf(listPath, index)));
}

/** One webhook delivery → its items (every message and status), each parsed on its own, in delivery order. */
export function parseWhatsAppWebhook(payload: unknown): DeliveryItem[] {
  return deliveryEntries(payload, "WhatsApp").flatMap((entry, entryIndex) => {
    const changes = field(entry, "changes");
    if (changes === undefined || changes === null) return [];
    if (!Array.isArray(changes)) return [{ path: pathOf("entry", entryIndex), events: [], error: `${pathOf("entry", entryIndex, "changes")}: expected an array` }];
    return changes.flatMap((change, changeIndex) => changeItems(change, pathOf("entry", entryIndex, "changes", changeIndex)));
  });
}
