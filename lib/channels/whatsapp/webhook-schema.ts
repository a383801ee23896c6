// Meta's WhatsApp Cloud API webhook, one item at a time: each message and each status of a change
// is parsed on its own (parse-webhook.ts), so one odd item never costs the others. The schemas accept
// what Meta demonstrably sends (lenient.ts): null or "" for optional fields, numbers or strings for
// timestamps and ids, unknown fields and types. Only what an item needs to be stored is required: a
// message's id and sender (phone and/or business-scoped user id), a status's id and state.
import { z } from "zod";
import { list, optional, optionalBoolean, optionalEpoch, optionalText, requiredId, text } from "../meta/lenient";

const mediaSchema = z.object({
  id: requiredId,
  mime_type: optionalText,
  sha256: optionalText,
  caption: optionalText,
  filename: optionalText,
  voice: optionalBoolean,
  animated: optionalBoolean,
});

const errorSchema = z.object({
  code: optional(z.union([z.number(), z.string()])),
  title: optionalText,
  message: optionalText,
  error_data: optional(z.object({ details: optionalText })),
});

const contactCardSchema = z.object({
  name: optional(z.object({ formatted_name: optionalText, first_name: optionalText, last_name: optionalText })),
  phones: list(z.object({ phone: optionalText, wa_id: optionalText, type: optionalText })),
});

/** The content fields a message may carry; a message without `type` is read by the one it has. */
export const CONTENT_FIELDS = [
  "text",
  "image",
  "video",
  "audio",
  "document",
  "sticker",
  "location",
  "contacts",
  "interactive",
  "button",
  "reaction",
  "edit",
  "system",
] as const;

/**
 * Who wrote: the phone (`from`) and/or the business-scoped user id (`from_user_id`). A customer with
 * a WhatsApp username may come without a phone (absent or ""), so either may be missing, not both.
 */
export const messageSchema = z
  .object({
    from: optionalText,
    from_user_id: optionalText,
    id: requiredId,
    // Missing: the item is still stored, at the time the delivery arrived (process-event.ts).
    timestamp: optionalEpoch,
    type: optionalText,
    context: optional(z.object({ id: optionalText, from: optionalText })),
    text: optional(z.object({ body: text })),
    image: optional(mediaSchema),
    video: optional(mediaSchema),
    audio: optional(mediaSchema),
    document: optional(mediaSchema),
    sticker: optional(mediaSchema),
    location: optional(
      z.object({
        latitude: z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]),
        longitude: z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]),
        name: optionalText,
        address: optionalText,
        url: optionalText,
      }),
    ),
    contacts: list(contactCardSchema),
    interactive: optional(
      z.object({
        type: optionalText,
        button_reply: optional(z.object({ id: text, title: text })),
        list_reply: optional(z.object({ id: text, title: text, description: optionalText })),
      }),
    ),
    button: optional(z.object({ text: text, payload: optionalText })),
    reaction: optional(z.object({ message_id: requiredId, emoji: optionalText })),
    // Sent only to WhatsApp Business app numbers (Coexistence): the new content of an earlier message.
    edit: optional(
      z.object({
        original_message_id: requiredId,
        message: optional(
          z.object({
            text: optional(z.object({ body: text })),
            image: optional(mediaSchema.partial()),
            video: optional(mediaSchema.partial()),
            document: optional(mediaSchema.partial()),
          }),
        ),
      }),
    ),
    // user_changed_number / user_changed_user_id: the new phone (wa_id) and business-scoped user id.
    system: optional(z.object({ body: optionalText, type: optionalText, wa_id: optionalText, user_id: optionalText })),
    referral: optional(
      z.object({
        source_url: optionalText,
        source_id: optionalText,
        source_type: optionalText,
        headline: optionalText,
        body: optionalText,
        media_type: optionalText,
        image_url: optionalText,
        video_url: optionalText,
        thumbnail_url: optionalText,
        ctwa_clid: optionalText,
      }),
    ),
    errors: list(errorSchema),
  })
  .refine((message) => Boolean(message.from || message.from_user_id), { message: "needs from or from_user_id", path: ["from"] })
  .transform((message) => ({ ...message, type: message.type ?? CONTENT_FIELDS.find((key) => isPresent(message[key])) ?? "unknown" }));

function isPresent(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== undefined;
}

export const statusSchema = z.object({
  id: requiredId,
  status: text,
  timestamp: optionalEpoch,
  // As for messages: the phone, the business-scoped user id, or both (or, on some failures, neither).
  recipient_id: optionalText,
  recipient_user_id: optionalText,
  errors: list(errorSchema),
});

/** A profile in `value.contacts`: names the people of the change's messages. */
export const profileSchema = z.object({
  wa_id: optionalText,
  user_id: optionalText,
  profile: optional(z.object({ name: optionalText, username: optionalText })),
});

export type WhatsAppMessage = z.output<typeof messageSchema>;
export type WhatsAppStatus = z.output<typeof statusSchema>;
export type WhatsAppProfile = z.output<typeof profileSchema>;
export type WhatsAppContactCard = z.output<typeof contactCardSchema>;
