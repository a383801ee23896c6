// GET /api/me/notifications/conversations/[id] — what the browser shows for an `sla.breached`
// event naming this user: `{ notification: … | null }` (null once the customer was answered).
import { withUser } from "@/lib/api/handler";
import { slaNotification } from "@/lib/notifications/build-notification";

export const dynamic = "force-dynamic";

export const GET = withUser<{ id: string }>(async ({ params, user }) =>
  Response.json({ notification: await slaNotification(user, params.id) }),
);
