import { z } from "zod";

/** POST /api/inbox/conversations/[id]/handover: take the thread, ask its holder for it, or hand it back. */
export const threadControlSchema = z.object({ action: z.enum(["take", "request", "pass"]) }).strict();
export type ThreadControlInput = z.infer<typeof threadControlSchema>;
