import { z } from "zod";

/** POST /api/inbox/conversations/[id]/notes — a private note for the team; `@Name` mentions a teammate. */
export const createNoteSchema = z
  .object({
    text: z.string().trim().min(1, "Write the note first").max(5000, "Keep notes under 5000 characters"),
  })
  .strict();
export type CreateNoteInput = z.infer<typeof createNoteSchema>;

/** POST /api/inbox/mentions/read — the given mentions, or all of the caller's, or those in one conversation. */
export const markMentionsReadSchema = z
  .object({
    ids: z.array(z.string().min(1).max(100)).min(1).max(200).optional(),
    conversationId: z.string().min(1).max(100).optional(),
    all: z.literal(true).optional(),
  })
  .strict()
  .refine((body) => [body.ids, body.conversationId, body.all].filter((value) => value !== undefined).length === 1, {
    message: "Say which mentions: ids, conversationId or all",
    path: ["(body)"],
  });
export type MarkMentionsReadInput = z.infer<typeof markMentionsReadSchema>;
