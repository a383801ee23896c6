import { z } from "zod";
import { CHANNEL_KEYS } from "@/lib/channels/types";

/** `POST /api/inbox/sync`: a whole channel (every configured one when omitted), or one conversation. */
export const syncRequestSchema = z
  .strictObject({
    channel: z.enum(CHANNEL_KEYS).optional(),
    conversationId: z.string().trim().min(1).max(100).optional(),
  })
  .refine((value) => !(value.channel && value.conversationId), { message: "give channel or conversationId, not both" });
export type SyncRequest = z.infer<typeof syncRequestSchema>;
