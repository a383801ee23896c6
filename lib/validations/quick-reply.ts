import { z } from "zod";

/** Typed after "/" in the composer, so: short, lowercase, no spaces. */
const shortcut = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, "Use 1–32 letters, digits, - or _ (no spaces)");
const body = z.string().trim().min(1, "Write the reply text").max(4096, "Keep it under 4,096 characters");

export const createQuickReplySchema = z.object({ shortcut, body }).strict();
export type CreateQuickReplyInput = z.infer<typeof createQuickReplySchema>;

export const updateQuickReplySchema = z
  .object({ shortcut: shortcut.optional(), body: body.optional() })
  .strict()
  .refine((input) => input.shortcut !== undefined || input.body !== undefined, {
    message: "Nothing to change",
    path: ["(body)"],
  });
export type UpdateQuickReplyInput = z.infer<typeof updateQuickReplySchema>;
