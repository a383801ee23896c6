// GET /api/me/notifications/messages/[id] — what the browser shows for a new message the live
// stream named: `{ notification: { conversationId, title, body, sound } | null }` (null: not a
// customer's message, or one this user's preference leaves out). 404 when they may not see it.
import { withUser } from "@/lib/api/handler";
import { messageNotification } from "@/lib/notifications/build-notification";

export const dynamic = "force-dynamic";

export const GET = withUser<{ id: string }>(async ({ params, user }) =>
  Response.json({ notification: await messageNotification(user, params.id) }),
);
