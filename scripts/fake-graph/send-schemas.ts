// Meta's request bodies for sending, as the Graph API validates them: a malformed send from the app
// must fail here the way it would fail against Meta, not pass silently.
import { z } from "zod";

const instagramAttachmentSchema = z.object({
  type: z.enum(["image", "video", "audio", "file", "template", "MEDIA_SHARE"]),
  payload: z.looseObject({ url: z.string().optional(), attachment_id: z.string().optional(), is_reusable: z.boolean().optional() }),
});

const recipient = z.object({ id: z.string().min(1) });

export const instagramSendSchema = z
  .object({
    recipient,
    messaging_type: z.enum(["RESPONSE", "UPDATE", "MESSAGE_TAG"]).optional(),
    tag: z.literal("HUMAN_AGENT").optional(),
    message: z
      .looseObject({ text: z.string().min(1).max(1000).optional(), attachment: instagramAttachmentSchema.optional() })
      .refine((message) => (message.text === undefined) !== (message.attachment === undefined), {
        message: "must have exactly one of text or attachment",
      }),
  })
  .refine((body) => body.messaging_type !== "MESSAGE_TAG" || body.tag !== undefined, {
    message: "is required when messaging_type is MESSAGE_TAG",
    path: ["tag"],
  });

/** Typing indicators, mark-seen and reactions carry a sender_action instead of a message. */
export const instagramSenderActionSchema = z.object({
  recipient,
  sender_action: z.enum(["typing_on", "typing_off", "mark_seen", "react", "unreact"]),
  payload: z.object({ message_id: z.string(), reaction: z.string().optional() }).optional(),
});

const mediaObject = z
  .object({ id: z.string().optional(), link: z.url().optional(), caption: z.string().optional(), filename: z.string().optional() })
  .refine((media) => (media.id === undefined) !== (media.link === undefined), { message: "exactly one of id or link is required" });

const base = {
  messaging_product: z.literal("whatsapp"),
  recipient_type: z.literal("individual").optional(),
  to: z.string().regex(/^\+?[\d\s-]{6,20}$/, "must be a phone number").optional(),
  // A business-scoped user id, for customers known only by username; `to` wins when both are sent.
  recipient: z.string().regex(/^[A-Z]{2}\.[A-Za-z0-9.]{1,140}$/, "must be a business-scoped user ID").optional(),
  context: z.object({ message_id: z.string() }).optional(),
};

export const whatsappSendSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ ...base, type: z.literal("text"), text: z.object({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }) }),
    z.object({ ...base, type: z.literal("image"), image: mediaObject }),
    z.object({ ...base, type: z.literal("video"), video: mediaObject }),
    z.object({ ...base, type: z.literal("audio"), audio: mediaObject }),
    z.object({ ...base, type: z.literal("document"), document: mediaObject }),
    z.object({
      ...base,
      type: z.literal("template"),
      template: z.object({
        name: z.string().min(1),
        language: z.object({ code: z.string().min(2), policy: z.literal("deterministic").optional() }),
        components: z.array(z.looseObject({ type: z.string() })).optional(),
      }),
    }),
  ],
  { error: "must be one of text, image, video, audio, document, template" },
);

/** Marking an inbound message as read goes through the same endpoint. */
export const whatsappMarkReadSchema = z.object({
  messaging_product: z.literal("whatsapp"),
  status: z.literal("read"),
  message_id: z.string().min(1),
  /** Shows the typing indicator under the read receipt (dismissed on reply or after 25 s). */
  typing_indicator: z.strictObject({ type: z.literal("text") }).optional(),
});

/** A zod issue in Meta's wording, which names parameters like message[text]. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const [head, ...rest] = issue.path.map(String);
  const param = head === undefined ? "body" : `${head}${rest.map((part) => `[${part}]`).join("")}`;
  if (issue.code === "invalid_type" && issue.message.endsWith("received undefined")) return `The parameter ${param} is required`;
  return `Param ${param}: ${issue.message}`;
}

/** Messenger's Send API takes the same shape as Instagram's, with text up to 2,000 characters. */
const messengerSendSchema = z
  .object({
    recipient,
    messaging_type: z.enum(["RESPONSE", "UPDATE", "MESSAGE_TAG"]),
    tag: z.enum(["HUMAN_AGENT", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "ACCOUNT_UPDATE"]).optional(),
    message: z
      .looseObject({ text: z.string().min(1).max(2000).optional(), attachment: instagramAttachmentSchema.optional() })
      .refine((message) => (message.text === undefined) !== (message.attachment === undefined), {
        message: "must have exactly one of text or attachment",
      }),
  })
  .refine((body) => body.messaging_type !== "MESSAGE_TAG" || body.tag !== undefined, {
    message: "is required when messaging_type is MESSAGE_TAG",
    path: ["tag"],
  });

export function parseMessengerSend(body: unknown) {
  const isSenderAction = typeof body === "object" && body !== null && "sender_action" in body;
  return isSenderAction ? instagramSenderActionSchema.safeParse(body) : messengerSendSchema.safeParse(body);
}

export function parseInstagramSend(body: unknown) {
  const isSenderAction = typeof body === "object" && body !== null && "sender_action" in body;
  return isSenderAction ? instagramSenderActionSchema.safeParse(body) : instagramSendSchema.safeParse(body);
}

/** `POST /{id}/{take|request|pass}_thread_control`: Meta's handover protocol. */
export const threadControlSchema = z.object({
  recipient,
  metadata: z.string().max(1000).optional(),
  target_app_id: z.union([z.string(), z.number()]).optional(),
});
