// WhatsApp Cloud API webhook deliveries (object "whatsapp_business_account") in Meta's documented
// shape; the fixtures in ./fixtures/whatsapp are what these must reproduce field for field.
import { newNumericId, newWamid } from "./ids";

export const DEMO_WABA_ID = "102290129340398";
export const DEMO_PHONE_NUMBER_ID = "106540352242922";
export const DEMO_DISPLAY_PHONE_NUMBER = "15550783881";
export const DEMO_WA_ID = "351912345678";

export type WhatsAppMediaType = "image" | "video" | "audio" | "document" | "sticker";

export interface WhatsAppMedia {
  id: string;
  mime_type: string;
  sha256: string;
  caption?: string;
  filename?: string;
  voice?: boolean;
  animated?: boolean;
}

export interface WhatsAppError {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
}

export interface WhatsAppMessage {
  /** The customer's phone; "" for a customer who shows a username instead (Meta's own examples). */
  from: string;
  /** The customer's business-scoped user id. */
  from_user_id?: string;
  id: string;
  timestamp: string;
  type: string;
  context?: { from: string; id: string };
  text?: { body: string };
  image?: WhatsAppMedia;
  video?: WhatsAppMedia;
  audio?: WhatsAppMedia;
  document?: WhatsAppMedia;
  sticker?: WhatsAppMedia;
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  contacts?: WhatsAppContactCard[];
  interactive?:
    | { type: "button_reply"; button_reply: { id: string; title: string } }
    | { type: "list_reply"; list_reply: { id: string; title: string; description?: string } };
  button?: { payload: string; text: string };
  reaction?: { message_id: string; emoji?: string };
  edit?: { original_message_id: string; message: { context: { id: string }; type: "text"; text: { body: string } } };
  system?: { body: string; type: "user_changed_number" | "user_changed_user_id"; wa_id?: string; user_id?: string };
  referral?: WhatsAppReferral;
  errors?: WhatsAppError[];
}

/** Click-to-WhatsApp ads (source_type "ad") and taps from a post ("post") carry this on the first message. */
export interface WhatsAppReferral {
  source_url: string;
  source_id: string;
  source_type: "ad" | "post";
  headline?: string;
  body?: string;
  media_type?: "image" | "video";
  image_url?: string;
  ctwa_clid?: string;
}

export interface WhatsAppContactCard {
  name: { formatted_name: string; first_name?: string; last_name?: string };
  phones?: { phone: string; type?: string; wa_id?: string }[];
}

export interface WhatsAppStatus {
  id: string;
  status: "sent" | "delivered" | "read" | "failed";
  timestamp: string;
  recipient_id: string;
  recipient_user_id?: string;
  conversation?: { id: string; expiration_timestamp?: string; origin: { type: string } };
  pricing?: { billable: boolean; pricing_model: string; category: string };
  errors?: WhatsAppError[];
}

export interface WhatsAppValue {
  messaging_product: "whatsapp";
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts?: { profile: { name: string; username?: string }; wa_id: string; user_id?: string }[];
  messages?: WhatsAppMessage[];
  statuses?: WhatsAppStatus[];
}

export interface WhatsAppDelivery {
  object: "whatsapp_business_account";
  entry: { id: string; changes: { field: "messages"; value: WhatsAppValue }[] }[];
}

export interface WhatsAppEventOptions {
  /** The customer's WhatsApp id (their number, digits only); "" when they show a username instead. */
  from?: string;
  /** The customer's business-scoped user id (`user_id`), sent next to or instead of the phone. */
  bsuid?: string;
  /** The customer's WhatsApp username (without "@"). */
  username?: string;
  /** The customer's profile name, delivered in contacts[].profile.name. */
  name?: string;
  phoneNumberId?: string;
  displayPhoneNumber?: string;
  wabaId?: string;
  /** Event time in epoch milliseconds (Meta sends whole seconds as a string); defaults to now. */
  timestamp?: number;
}

type MessageBody = Omit<WhatsAppMessage, "from" | "id" | "timestamp">;

function seconds(timestamp: number | undefined): string {
  return String(Math.floor((timestamp ?? Date.now()) / 1000));
}

function deliver(options: WhatsAppEventOptions, value: Omit<WhatsAppValue, "messaging_product" | "metadata">): WhatsAppDelivery {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: options.wabaId ?? DEMO_WABA_ID,
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: {
                display_phone_number: options.displayPhoneNumber ?? DEMO_DISPLAY_PHONE_NUMBER,
                phone_number_id: options.phoneNumberId ?? DEMO_PHONE_NUMBER_ID,
              },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

function inbound(options: WhatsAppEventOptions & { wamid?: string }, body: MessageBody): WhatsAppDelivery {
  const from = options.from ?? DEMO_WA_ID;
  const profile = { name: options.name ?? "Maria Silva", ...(options.username ? { username: `@${options.username}` } : {}) };
  const bsuid = options.bsuid ? { user_id: options.bsuid } : {};
  return deliver(options, {
    contacts: [{ profile, wa_id: from, ...bsuid }],
    messages: [
      {
        from,
        ...(options.bsuid ? { from_user_id: options.bsuid } : {}),
        id: options.wamid ?? newWamid(from || options.bsuid),
        timestamp: seconds(options.timestamp),
        ...body,
      },
    ],
  });
}

// Replies to the business's messages (buttons, lists, quoted replies) carry the quoted message.
function contextFor(options: WhatsAppEventOptions, contextId: string) {
  return { from: options.displayPhoneNumber ?? DEMO_DISPLAY_PHONE_NUMBER, id: contextId };
}

export function whatsappText(
  options: WhatsAppEventOptions & { wamid?: string; text?: string; replyToWamid?: string; referral?: WhatsAppReferral } = {},
): WhatsAppDelivery {
  return inbound(options, {
    ...(options.replyToWamid ? { context: contextFor(options, options.replyToWamid) } : {}),
    ...(options.referral ? { referral: options.referral } : {}),
    type: "text",
    text: { body: options.text ?? "Good morning, can I get a quote for 3 chairs?" },
  });
}

const defaultMimeTypes: Record<WhatsAppMediaType, string> = {
  image: "image/jpeg",
  video: "video/mp4",
  audio: "audio/ogg; codecs=opus",
  document: "application/pdf",
  sticker: "image/webp",
};

/** Media arrives as an id; the app fetches the file through the Graph API (`GET /{media-id}`). */
export function whatsappMedia(
  options: WhatsAppEventOptions & {
    wamid?: string;
    type?: WhatsAppMediaType;
    mediaId?: string;
    mimeType?: string;
    sha256?: string;
    caption?: string;
    filename?: string;
  } = {},
): WhatsAppDelivery {
  const type = options.type ?? "image";
  const media: WhatsAppMedia = {
    mime_type: options.mimeType ?? defaultMimeTypes[type],
    sha256: options.sha256 ?? "kqZ2J1T8vJrYxk1E7Wq9u3x0tq8s3nK1mJ9l0aQ2b3c=",
    id: options.mediaId ?? newNumericId(16),
  };
  if (options.caption !== undefined && (type === "image" || type === "video" || type === "document")) media.caption = options.caption;
  if (type === "document") media.filename = options.filename ?? "quote.pdf";
  if (type === "audio") media.voice = true;
  if (type === "sticker") media.animated = false;
  const body: MessageBody = { type };
  body[type] = media;
  return inbound(options, body);
}

export function whatsappLocation(
  options: WhatsAppEventOptions & { wamid?: string; latitude?: number; longitude?: number; locationName?: string; address?: string } = {},
): WhatsAppDelivery {
  return inbound(options, {
    type: "location",
    location: {
      latitude: options.latitude ?? 41.1496,
      longitude: options.longitude ?? -8.611,
      name: options.locationName ?? "Showroom Porto",
      address: options.address ?? "Rua de Santa Catarina 100, Porto",
    },
  });
}

export function whatsappContacts(
  options: WhatsAppEventOptions & { wamid?: string; contacts?: WhatsAppContactCard[] } = {},
): WhatsAppDelivery {
  return inbound(options, {
    type: "contacts",
    contacts: options.contacts ?? [
      {
        name: { formatted_name: "João Pereira", first_name: "João", last_name: "Pereira" },
        phones: [{ phone: "+351 913 456 789", type: "CELL", wa_id: "351913456789" }],
      },
    ],
  });
}

/** The customer tapped a reply button or picked a list row of an interactive message the business sent. */
export function whatsappInteractive(
  options: WhatsAppEventOptions & {
    wamid?: string;
    kind?: "button_reply" | "list_reply";
    replyId?: string;
    title?: string;
    description?: string;
    contextWamid?: string;
  } = {},
): WhatsAppDelivery {
  const id = options.replyId ?? "book_viewing";
  const title = options.title ?? "Book a viewing";
  const interactive: WhatsAppMessage["interactive"] =
    options.kind === "list_reply"
      ? { type: "list_reply", list_reply: { id, title, ...(options.description ? { description: options.description } : {}) } }
      : { type: "button_reply", button_reply: { id, title } };
  return inbound(options, {
    context: contextFor(options, options.contextWamid ?? newWamid(options.from ?? DEMO_WA_ID)),
    type: "interactive",
    interactive,
  });
}

/** The customer tapped a quick-reply button of a template message. */
export function whatsappButton(
  options: WhatsAppEventOptions & { wamid?: string; text?: string; payload?: string; contextWamid?: string } = {},
): WhatsAppDelivery {
  return inbound(options, {
    context: contextFor(options, options.contextWamid ?? newWamid(options.from ?? DEMO_WA_ID)),
    type: "button",
    button: { payload: options.payload ?? "CONFIRM_ORDER", text: options.text ?? "Confirm" },
  });
}

/** A reaction to `messageId`; an omitted emoji means the reaction was removed. */
export function whatsappReaction(
  options: WhatsAppEventOptions & { wamid?: string; messageId: string; emoji?: string | null },
): WhatsAppDelivery {
  const emoji = options.emoji === undefined ? "\ud83d\udc4d" : options.emoji;
  return inbound(options, {
    type: "reaction",
    reaction: { message_id: options.messageId, ...(emoji === null ? {} : { emoji }) },
  });
}

/**
 * The customer edited a text they sent earlier. Meta sends this only to numbers that also use the
 * WhatsApp Business app (Coexistence); `messageId` is the original message.
 */
export function whatsappEdit(options: WhatsAppEventOptions & { wamid?: string; messageId: string; text: string }): WhatsAppDelivery {
  return inbound(options, {
    type: "edit",
    edit: { original_message_id: options.messageId, message: { context: { id: options.messageId }, type: "text", text: { body: options.text } } },
  });
}

/** A message type the Cloud API cannot deliver to webhooks (e.g. a poll or view-once media). */
export function whatsappUnsupported(options: WhatsAppEventOptions & { wamid?: string } = {}): WhatsAppDelivery {
  return inbound(options, {
    type: "unsupported",
    errors: [
      {
        code: 131051,
        title: "Message type unknown",
        message: "Message type unknown",
        error_data: { details: "Message type is currently not supported." },
      },
    ],
  });
}

export const reengagementError: WhatsAppError = {
  code: 131047,
  title: "Re-engagement message",
  message: "Re-engagement message",
  error_data: {
    details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
  },
};

/** A click-to-WhatsApp ad referral, as the first message after tapping the ad carries it. */
export function whatsappAdReferral(overrides: Partial<WhatsAppReferral> = {}): WhatsAppReferral {
  return {
    source_url: "https://fb.me/3cr4Wqqkv",
    source_id: "120211234567890123",
    source_type: "ad",
    headline: "Oak tables, 20% off this week",
    body: "Solid oak, delivered in 3 days.",
    media_type: "image",
    image_url: "https://scontent.example/ad.jpg",
    ctwa_clid: `ARAk${newNumericId(12)}`,
    ...overrides,
  };
}

/**
 * The system message Meta sends when a customer changes their number (`user_changed_number`: new
 * wa_id, and a new BSUID with it) or only their business-scoped id (`user_changed_user_id`). It comes
 * from the old identity and, unlike other messages, without a contacts array.
 */
export function whatsappIdentityChange(
  options: WhatsAppEventOptions & { wamid?: string; newPhone?: string; newBsuid?: string },
): WhatsAppDelivery {
  const from = options.from ?? DEMO_WA_ID;
  const type = options.newPhone ? "user_changed_number" : "user_changed_user_id";
  const body = `User ${options.name ?? "Maria Silva"} changed from ${from || options.bsuid} to ${options.newPhone ?? options.newBsuid}`;
  return deliver(options, {
    messages: [
      {
        from,
        ...(options.bsuid ? { from_user_id: options.bsuid } : {}),
        id: options.wamid ?? newWamid(from || options.bsuid),
        timestamp: seconds(options.timestamp),
        type: "system",
        system: {
          body,
          type,
          ...(options.newPhone ? { wa_id: options.newPhone } : {}),
          ...(options.newBsuid ? { user_id: options.newBsuid } : {}),
        },
      },
    ],
  });
}

/** A status update for a message the business sent (`messageId` is the wamid the send returned). */
export function whatsappStatus(
  options: Omit<WhatsAppEventOptions, "from" | "name"> & {
    messageId: string;
    status: WhatsAppStatus["status"];
    recipientId?: string;
    /** For a message sent by BSUID: recipient_user_id, with recipient_id "" when the phone is hidden. */
    recipientUserId?: string;
    conversationId?: string;
    errors?: WhatsAppError[];
  },
): WhatsAppDelivery {
  const status: WhatsAppStatus = {
    id: options.messageId,
    status: options.status,
    timestamp: seconds(options.timestamp),
    recipient_id: options.recipientId ?? DEMO_WA_ID,
    ...(options.recipientUserId ? { recipient_user_id: options.recipientUserId } : {}),
  };
  // Billing details ride on "sent" and "delivered"; "read" and "failed" carry none.
  if (options.status === "sent" || options.status === "delivered") {
    status.conversation = { id: options.conversationId ?? newNumericId(12), origin: { type: "service" } };
    status.pricing = { billable: true, pricing_model: "PMP", category: "service" };
  }
  if (options.status === "failed") status.errors = options.errors ?? [reengagementError];
  return deliver(options, { statuses: [status] });
}

/**
 * Several events in one delivery. Events for the same phone number share one change value (as Meta
 * sends a delivered + read pair); different numbers get their own entries.
 */
export function whatsappBatch(deliveries: WhatsAppDelivery[]): WhatsAppDelivery {
  const byPhone = new Map<string, { wabaId: string; value: WhatsAppValue }>();
  for (const delivery of deliveries) {
    for (const entry of delivery.entry) {
      for (const { value } of entry.changes) {
        const existing = byPhone.get(value.metadata.phone_number_id);
        if (!existing) {
          byPhone.set(value.metadata.phone_number_id, { wabaId: entry.id, value: structuredClone(value) });
          continue;
        }
        const merged = existing.value;
        for (const contact of value.contacts ?? []) {
          merged.contacts ??= [];
          if (!merged.contacts.some((known) => known.wa_id === contact.wa_id)) merged.contacts.push(contact);
        }
        if (value.messages) merged.messages = [...(merged.messages ?? []), ...value.messages];
        if (value.statuses) merged.statuses = [...(merged.statuses ?? []), ...value.statuses];
      }
    }
  }
  return {
    object: "whatsapp_business_account",
    entry: [...byPhone.values()].map(({ wabaId, value }) => ({ id: wabaId, changes: [{ field: "messages", value }] })),
  };
}
