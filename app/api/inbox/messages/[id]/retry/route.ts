// POST /api/inbox/messages/[id]/retry — send a FAILED reply again (same message row, same checks).
import { withUser } from "@/lib/api/handler";
import { retryMessage } from "@/lib/inbox/send-reply";

export const POST = withUser<{ id: string }>(async ({ params, user }) => {
  const message = await retryMessage({ messageId: params.id, userId: user.id });
  return Response.json({ message }, { status: 200 });
});
