// POST /api/inbox/conversations/[id]/read — mark the conversation read for the team (unread badge to 0).
import { withUser } from "@/lib/api/handler";
import { assertConversationVisible } from "@/lib/leads/visibility";
import { markRead } from "@/lib/inbox/mark-read";

export const POST = withUser<{ id: string }>(async ({ params, user }) => {
  await assertConversationVisible(user, params.id);
  return Response.json(await markRead(params.id));
});
