import { z } from "zod";

/** Meta's limit for one Instagram text message; WhatsApp allows more, the inbox keeps one rule. */
export const REPLY_MAX_LENGTH = 1000;

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
      .max(REPLY_MAX_LENGTH, `Keep it under ${REPLY_MAX_LENGTH} characters`)
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
