import { z } from "zod";

/** `?variant=thumb` asks for the 320 px WebP preview of an image instead of the file itself. */
export const mediaQuerySchema = z.object({
  variant: z.enum(["original", "thumb"]).default("original"),
});

export type MediaQuery = z.infer<typeof mediaQuerySchema>;

/** An attachment's position in its message: small non-negative integers only. */
export const attachmentIndexSchema = z
  .string()
  .regex(/^\d{1,3}$/)
  .transform(Number);

/** The multipart body of a reply-attachment upload: one file, under `file`. */
export const replyAttachmentFormSchema = z.object({
  file: z.instanceof(File, { message: "Attach a file in the `file` field" }),
});
