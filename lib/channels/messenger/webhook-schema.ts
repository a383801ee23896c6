// Meta's Messenger Platform webhook (`object: "page"`), one `messaging[]` / `standby[]` item at a
// time (parse-webhook.ts), so one odd item never costs the others. The schemas accept what Meta
// demonstrably sends (../meta/lenient.ts): null or "" for optional fields, numbers or strings for
// ids and timestamps, unknown fields and kinds. Only what an item needs to be stored is required.
import { z } from "zod";
import { handoverFields } from "../meta/handover-items";
import { referralSchema } from "../meta/messenger-platform";
import { list, optional, optionalBoolean, optionalEpoch, optionalNumber, optionalText, requiredId, text } from "../meta/lenient";

const party = z.object({ id: requiredId });

const attachmentSchema = z.object({
  type: text,
  payload: optional(z.object({ url: optionalText, title: optionalText, sticker_id: optionalText })),
  // Fallback attachments (a shared link) carry their title and URL beside the payload.
  title: optionalText,
  url: optionalText,
});

// m.me links with a ref and Click-to-Messenger ads: on the first message, a Get Started postback, or alone.
const messageSchema = z.object({
  mid: requiredId,
  text: optionalText,
  attachments: list(attachmentSchema),
  quick_reply: optional(z.object({ payload: text })),
  reply_to: optional(z.object({ mid: optionalText })),
  referral: optional(referralSchema),
  is_echo: optionalBoolean,
  /** Echoes: the app that sent it (ours, a chatbot's, or the Page inbox's). */
  app_id: optionalText,
  is_deleted: optionalBoolean,
  is_unsupported: optionalBoolean,
});

export const messagingSchema = z.object({
  // The Page's side may be left out (the entry's id names it); the customer's never.
  sender: party,
  recipient: optional(party),
  timestamp: optionalEpoch,
  message: optional(messageSchema),
  message_edit: optional(z.object({ mid: requiredId, text: optionalText, num_edit: optionalNumber })),
  delivery: optional(z.object({ mids: list(text), watermark: optionalEpoch })),
  read: optional(z.object({ watermark: optionalEpoch, mid: optionalText })),
  reaction: optional(
    z.object({
      mid: requiredId,
      action: optional(z.enum(["react", "unreact"]).catch("react")),
      reaction: optionalText,
      emoji: optionalText,
    }),
  ),
  // Older postbacks carry no mid (parse-webhook.ts keys them by sender and time).
  postback: optional(z.object({ mid: optionalText, title: optionalText, payload: optionalText, referral: optional(referralSchema) })),
  referral: optional(referralSchema),
  ...handoverFields,
});

export type MessengerMessaging = z.output<typeof messagingSchema>;
export type MessengerMessage = NonNullable<MessengerMessaging["message"]>;
export type MessengerAttachment = MessengerMessage["attachments"][number];
