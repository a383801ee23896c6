import { z } from "zod";

/** A tab's own id for its presence on a conversation (the browser makes it up per thread it opens). */
export const connectionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "8–64 letters, digits, - or _");

/** GET /api/inbox/conversations/[id]/presence?connectionId=… */
export const presenceStreamQuerySchema = z.object({ connectionId: connectionIdSchema });

/** POST /api/inbox/conversations/[id]/presence: the composer started or stopped typing. */
export const reportPresenceSchema = z.object({ connectionId: connectionIdSchema, typing: z.boolean() }).strict();
export type ReportPresenceInput = z.infer<typeof reportPresenceSchema>;
