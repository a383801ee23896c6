// Meta's Instagram Messaging webhook, as documented. Objects are not strict: Meta adds fields
// without notice and a new field must not make us drop a customer's message; a field we read with
// the wrong type, though, means we misunderstand the payload and it is rejected.
import { z } from "zod";

const id = z.object({ id: z.string().min(1) });

const attachmentSchema = z.object({
  type: z.string(),
  payload: z
    .looseObject({
      url: z.string().optional(),
      title: z.string().optional(),
      sticker_id: z.union([z.string(), z.number()]).optional(),
      reel_video_id: z.union([z.string(), z.number()]).optional(),
    })
    .nullish(),
});

// Click-to-Instagram-Direct ads and ig.me links with a ref: on the first message (or a tapped postback).
const referralSchema = z.object({
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
  referral: referralSchema.optional(),
  text: z.string().optional(),
  attachments: z.array(attachmentSchema).optional(),
  is_echo: z.boolean().optional(),
  is_deleted: z.boolean().optional(),
  is_unsupported: z.boolean().optional(),
  quick_reply: z.object({ payload: z.string() }).optional(),
  reply_to: z
    .object({
      mid: z.string().optional(),
      story: z.object({ url: z.string().optional(), id: z.string().optional() }).optional(),
    })
    .optional(),
});

const messagingSchema = z.object({
  sender: id,
  recipient: id,
  timestamp: z.number(),
  message: messageSchema.optional(),
  message_edit: z.object({ mid: z.string().min(1), text: z.string().optional(), num_edit: z.number().optional() }).optional(),
  read: z.object({ mid: z.string().optional(), watermark: z.number().optional() }).optional(),
  reaction: z
    .object({
      mid: z.string().min(1),
      action: z.enum(["react", "unreact"]),
      reaction: z.string().optional(),
      emoji: z.string().optional(),
    })
    .optional(),
  postback: z
    .object({ mid: z.string().min(1), title: z.string().optional(), payload: z.string().optional(), referral: referralSchema.optional() })
    .optional(),
});

export const instagramWebhookSchema = z.object({
  object: z.literal("instagram"),
  entry: z.array(
    z.object({
      id: z.string(),
      time: z.number().optional(),
      // Comment and mention notifications arrive as `changes` instead; they are not conversations.
      messaging: z.array(messagingSchema).optional(),
    }),
  ),
});

type InstagramWebhook = z.infer<typeof instagramWebhookSchema>;
export type InstagramMessaging = NonNullable<InstagramWebhook["entry"][number]["messaging"]>[number];
export type InstagramMessage = NonNullable<InstagramMessaging["message"]>;
export type InstagramAttachment = NonNullable<InstagramMessage["attachments"]>[number];
