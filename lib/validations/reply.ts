import { z } from "zod";

/**
 * The longest text any channel takes (WhatsApp's 4,096). Each channel's own, shorter limit is
 * checked by lib/inbox/send-reply.ts against the conversation's channel.
 */
export const REPLY_MAX_LENGTH = 4096;

export const replyTemplateSchema = z.object({
  name: z.string().trim().min(1, "Choose a template").max(512),
  language: z.string().trim().min(2, "Choose the template's language").max(20),
  parameters: z.array(z.string().trim().min(1, "Fill in every template parameter").max(1000)).max(20).default([]),
});

/**
 * POST /api/inbox/conversations/[id]/reply — shared by the composer and the route.
 * Free text, an uploaded attachment (with or without text), or (WhatsApp outside the 24-hour
 * window) an approved template; `idempotencyKey` is generated once per typed message so a
 * double-click or a network retry sends it once.
 */
export const sendReplySchema = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, "Write a message first")
      .max(REPLY_MAX_LENGTH, `A message can be at most ${REPLY_MAX_LENGTH.toLocaleString("en")} characters`)
      .optional(),
    /** From POST /api/inbox/conversations/[id]/attachments. */
    attachmentId: z.string().regex(/^[a-z0-9]{20,40}$/, "Not an attachment id").optional(),
    template: replyTemplateSchema.optional(),
    idempotencyKey: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine((body) => (body.text === undefined && body.attachmentId === undefined) !== (body.template === undefined), {
    message: "Send text, an attachment, or a template",
    path: ["text"],
  });

export type SendReplyInput = z.infer<typeof sendReplySchema>;
export type ReplyTemplateInput = z.infer<typeof replyTemplateSchema>;
