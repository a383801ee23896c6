import { z } from "zod";

const name = z.string().trim().min(1, "Name the label").max(40, "Keep label names under 40 characters");
const color = z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, "Pick a colour as #rrggbb").transform((value) => value.toLowerCase());

/** POST /api/settings/labels */
export const createLabelSchema = z.object({ name, color }).strict();
export type CreateLabelInput = z.infer<typeof createLabelSchema>;

/** PATCH /api/settings/labels/[id] — either or both. */
export const updateLabelSchema = z
  .object({ name: name.optional(), color: color.optional() })
  .strict()
  .refine((body) => body.name !== undefined || body.color !== undefined, { message: "Nothing to change", path: ["(body)"] });
export type UpdateLabelInput = z.infer<typeof updateLabelSchema>;

/** PUT /api/inbox/conversations/[id]/labels — the conversation's whole set of labels. */
export const setConversationLabelsSchema = z
  .object({
    labelIds: z
      .array(z.string().min(1).max(100))
      .max(50, "At most 50 labels on a conversation")
      .refine((ids) => new Set(ids).size === ids.length, "Each label once"),
  })
  .strict();
export type SetConversationLabelsInput = z.infer<typeof setConversationLabelsSchema>;
