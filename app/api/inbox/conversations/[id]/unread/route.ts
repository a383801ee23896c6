// POST /api/inbox/conversations/[id]/unread — mark the conversation unread again for the team.
import { withUser } from "@/lib/api/handler";
import { assertConversationVisible } from "@/lib/leads/visibility";
import { markUnread } from "@/lib/inbox/mark-read";

export const POST = withUser<{ id: string }>(async ({ params, user }) => {
  await assertConversationVisible(user, params.id);
  return Response.json(await markUnread(params.id));
});
