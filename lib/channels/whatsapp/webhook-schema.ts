// Meta's WhatsApp Cloud API webhook, as documented. Objects are not strict (Meta adds fields without
// notice); a field we read with the wrong type means we misread the payload, and it is rejected.
import { z } from "zod";

const mediaSchema = z.object({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});

const errorSchema = z.object({
  code: z.number().optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).optional(),
});

// Meta sends epoch seconds as strings; accept numbers too rather than drop a delivery over it.
const epochSeconds = z.union([z.string().regex(/^\d+$/), z.number()]).transform((value) => new Date(Number(value) * 1000));

const contactCardSchema = z.object({
  name: z.object({ formatted_name: z.string().optional(), first_name: z.string().optional(), last_name: z.string().optional() }).optional(),
  phones: z.array(z.object({ phone: z.string().optional(), wa_id: z.string().optional(), type: z.string().optional() })).optional(),
});

/**
 * Who wrote: the phone (`from`) and/or the business-scoped user id (`from_user_id`). A customer with
 * a WhatsApp username may come without a phone (absent or ""), so either may be missing, not both.
 */
const messageSchema = z.object({
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  id: z.string().min(1),
  timestamp: epochSeconds,
  type: z.string(),
  context: z.object({ id: z.string().optional(), from: z.string().optional() }).optional(),
  text: z.object({ body: z.string() }).optional(),
  image: mediaSchema.optional(),
  video: mediaSchema.optional(),
  audio: mediaSchema.optional(),
  document: mediaSchema.optional(),
  sticker: mediaSchema.optional(),
  location: z
    .object({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
      url: z.string().optional(),
    })
    .optional(),
  contacts: z.array(contactCardSchema).optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
    })
    .optional(),
  button: z.object({ text: z.string(), payload: z.string().optional() }).optional(),
  reaction: z.object({ message_id: z.string().min(1), emoji: z.string().optional() }).optional(),
  // Sent only to WhatsApp Business app numbers (Coexistence): the new content of an earlier message.
  edit: z
    .object({
      original_message_id: z.string().min(1),
      message: z
        .object({
          text: z.object({ body: z.string() }).optional(),
          image: mediaSchema.partial().optional(),
          video: mediaSchema.partial().optional(),
          document: mediaSchema.partial().optional(),
        })
        .optional(),
    })
    .optional(),
  // user_changed_number / user_changed_user_id: the new phone (wa_id) and business-scoped user id.
  system: z
    .object({ body: z.string().optional(), type: z.string().optional(), wa_id: z.string().optional(), user_id: z.string().optional() })
    .optional(),
  referral: z
    .object({
      source_url: z.string().optional(),
      source_id: z.string().optional(),
      source_type: z.string().optional(),
      headline: z.string().optional(),
      body: z.string().optional(),
      media_type: z.string().optional(),
      image_url: z.string().optional(),
      video_url: z.string().optional(),
      thumbnail_url: z.string().optional(),
      ctwa_clid: z.string().optional(),
    })
    .optional(),
  errors: z.array(errorSchema).optional(),
}).refine((message) => Boolean(message.from || message.from_user_id), { message: "needs from or from_user_id", path: ["from"] });

const statusSchema = z.object({
  id: z.string().min(1),
  status: z.string(),
  timestamp: epochSeconds,
  // As for messages: the phone, the business-scoped user id, or both.
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  errors: z.array(errorSchema).optional(),
});

export const whatsappValueSchema = z.object({
  messaging_product: z.literal("whatsapp").optional(),
  metadata: z.object({ phone_number_id: z.string().min(1), display_phone_number: z.string().optional() }),
  contacts: z
    .array(
      z.object({
        wa_id: z.string().optional(),
        user_id: z.string().optional(),
        profile: z.object({ name: z.string().optional(), username: z.string().optional() }).optional(),
      }),
    )
    .optional(),
  messages: z.array(messageSchema).optional(),
  statuses: z.array(statusSchema).optional(),
});

export const whatsappWebhookSchema = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(
    z.object({
      id: z.string(),
      // Only `messages` changes carry conversations; template, quality and account updates have
      // other shapes and are skipped before their value is read.
      changes: z.array(z.object({ field: z.string(), value: z.unknown() })),
    }),
  ),
});

export type WhatsAppValue = z.infer<typeof whatsappValueSchema>;
export type WhatsAppMessage = NonNullable<WhatsAppValue["messages"]>[number];
export type WhatsAppStatus = NonNullable<WhatsAppValue["statuses"]>[number];
export type WhatsAppContactCard = z.infer<typeof contactCardSchema>;
