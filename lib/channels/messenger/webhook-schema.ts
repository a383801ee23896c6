// Meta's Messenger Platform webhook (`object: "page"`), as documented. Objects are not strict: Meta
// adds fields without notice and a new field must not make us drop a customer's message; a field we
// read with the wrong type, though, means we misunderstand the payload and it is rejected.
import { z } from "zod";

const id = z.object({ id: z.coerce.string().min(1) });

const attachmentSchema = z.object({
  type: z.string(),
  payload: z
    .looseObject({
      url: z.string().optional(),
      title: z.string().optional(),
      sticker_id: z.union([z.string(), z.number()]).optional(),
    })
    .nullish(),
  // Fallback attachments (a shared link) carry their title and URL beside the payload.
  title: z.string().optional(),
  url: z.string().optional(),
});

// m.me links with a ref, Click-to-Messenger ads, and other entry points (on a message, a postback or alone).
export const referralSchema = z.object({
  ref: z.string().optional(),
  ad_id: z.string().optional(),
  source: z.string().optional(),
  type: z.string().optional(),
  ads_context_data: z
    .object({
      ad_title: z.string().optional(),
      photo_url: z.string().optional(),
      video_url: z.string().optional(),
      post_id: z.string().optional(),
      product_id: z.string().optional(),
    })
    .optional(),
});

const messageSchema = z.object({
  mid: z.string().min(1),
  text: z.string().optional(),
  attachments: z.array(attachmentSchema).optional(),
  quick_reply: z.object({ payload: z.string() }).optional(),
  reply_to: z.object({ mid: z.string().optional() }).optional(),
  referral: referralSchema.optional(),
  is_echo: z.boolean().optional(),
  /** Echoes: the app that sent it (ours, a chatbot's, or the Page inbox's). */
  app_id: z.union([z.string(), z.number()]).optional(),
  is_deleted: z.boolean().optional(),
  is_unsupported: z.boolean().optional(),
});

export const messengerMessagingSchema = z.object({
  sender: id,
  recipient: id,
  timestamp: z.number().optional(),
  message: messageSchema.optional(),
  message_edit: z.object({ mid: z.string().min(1), text: z.string().optional(), num_edit: z.number().optional() }).optional(),
  delivery: z.object({ mids: z.array(z.string()).optional(), watermark: z.number().optional() }).optional(),
  read: z.object({ watermark: z.number().optional(), mid: z.string().optional() }).optional(),
  reaction: z
    .object({
      mid: z.string().min(1),
      action: z.enum(["react", "unreact"]),
      reaction: z.string().optional(),
      emoji: z.string().optional(),
    })
    .optional(),
  postback: z
    .object({ mid: z.string().optional(), title: z.string().optional(), payload: z.string().optional(), referral: referralSchema.optional() })
    .optional(),
  referral: referralSchema.optional(),
});

export const messengerWebhookSchema = z.object({
  object: z.literal("page"),
  entry: z.array(
    z.object({
      id: z.coerce.string(),
      time: z.number().optional(),
      messaging: z.array(z.unknown()).optional(),
      // Delivered here instead of `messaging` while another app (a chatbot) holds the thread.
      standby: z.array(z.unknown()).optional(),
    }),
  ),
});

export type MessengerMessaging = z.infer<typeof messengerMessagingSchema>;
export type MessengerMessage = NonNullable<MessengerMessaging["message"]>;
export type MessengerAttachment = NonNullable<MessengerMessage["attachments"]>[number];
export type MessengerReferral = z.infer<typeof referralSchema>;
