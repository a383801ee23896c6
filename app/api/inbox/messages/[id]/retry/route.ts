// POST /api/inbox/messages/[id]/retry — send a FAILED reply again (same message row, same checks).
import { withUser } from "@/lib/api/handler";
import { assertMessageVisible } from "@/lib/leads/visibility";
import { retryMessage } from "@/lib/inbox/send-reply";
import { appOrigin } from "@/lib/settings/app-origin";

export const POST = withUser<{ id: string }>(async ({ req, params, user }) => {
  await assertMessageVisible(user, params.id);
  const message = await retryMessage({ messageId: params.id, userId: user.id, publicOrigin: appOrigin(req.headers) });
  return Response.json({ message }, { status: 200 });
});
