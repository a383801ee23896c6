// Meta's Instagram Messaging webhook, one `messaging[]` item at a time (parse-webhook.ts), so one odd
// item never costs the others. The schemas accept what Meta demonstrably sends (lenient.ts): null or
// "" for optional fields (an un-reaction's `"emoji": null`), numbers or strings for timestamps and
// ids, unknown fields and kinds. Only what an item needs to be stored is required: who wrote, and
// the id of the message it is or points at.
import { z } from "zod";
import { handoverFields } from "../meta/handover-items";
import { referralSchema } from "../meta/messenger-platform";
import { list, optional, optionalBoolean, optionalEpoch, optionalNumber, optionalText, requiredId, text } from "../meta/lenient";

const party = z.object({ id: requiredId });

const attachmentSchema = z.object({
  type: text,
  payload: optional(
    z.object({
      url: optionalText,
      title: optionalText,
      sticker_id: optionalText,
      reel_video_id: optionalText,
    }),
  ),
});

// Click-to-Instagram-Direct ads and ig.me links with a ref: on the first message (or a tapped postback).
const messageSchema = z.object({
  mid: requiredId,
  referral: optional(referralSchema),
  text: optionalText,
  attachments: list(attachmentSchema),
  is_echo: optionalBoolean,
  is_deleted: optionalBoolean,
  is_unsupported: optionalBoolean,
  quick_reply: optional(z.object({ payload: text })),
  reply_to: optional(
    z.object({
      mid: optionalText,
      story: optional(z.object({ url: optionalText, id: optionalText })),
    }),
  ),
});

export const messagingSchema = z.object({
  // The business's side may be left out (the entry's id names it); the customer's never.
  sender: party,
  recipient: optional(party),
  // Missing: the item happened when the delivery arrived (process-event.ts clamps to that).
  timestamp: optionalEpoch,
  message: optional(messageSchema),
  message_edit: optional(z.object({ mid: requiredId, text: optionalText, num_edit: optionalNumber })),
  read: optional(z.object({ mid: optionalText, watermark: optionalEpoch })),
  reaction: optional(
    z.object({
      mid: requiredId,
      // Unknown actions read as a reaction: an emoji is what the customer means.
      action: optional(z.enum(["react", "unreact"]).catch("react")),
      reaction: optionalText,
      emoji: optionalText,
    }),
  ),
  postback: optional(z.object({ mid: requiredId, title: optionalText, payload: optionalText, referral: optional(referralSchema) })),
  ...handoverFields,
});

export type InstagramMessaging = z.output<typeof messagingSchema>;
export type InstagramMessage = NonNullable<InstagramMessaging["message"]>;
export type InstagramAttachment = InstagramMessage["attachments"][number];
