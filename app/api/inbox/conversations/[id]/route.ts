// GET /api/inbox/conversations/[id] — one conversation with contact, lead, notes and reply window.
// PATCH — archive/reopen, assign, lead status, add a lead note; answers the updated conversation.
import { withUser } from "@/lib/api/handler";
import { assertConversationVisible } from "@/lib/leads/visibility";
import { parseJsonBody } from "@/lib/api/parse";
import { getConversation } from "@/lib/inbox/get-conversation";
import { updateConversation } from "@/lib/inbox/update-conversation";
import { updateConversationSchema } from "@/lib/validations/conversation";

export const GET = withUser<{ id: string }>(async ({ params, user }) => {
  await assertConversationVisible(user, params.id);
  return Response.json(await getConversation(params.id));
});

export const PATCH = withUser<{ id: string }>(async ({ req, params, user }) => {
  await assertConversationVisible(user, params.id);
  const input = await parseJsonBody(req, updateConversationSchema);
  return Response.json(await updateConversation(params.id, input, user));
});
