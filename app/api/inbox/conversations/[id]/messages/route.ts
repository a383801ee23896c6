// GET /api/inbox/conversations/[id]/messages — the thread, newest page first (`cursor` for older pages).
import { withUser } from "@/lib/api/handler";
import { assertConversationVisible } from "@/lib/leads/visibility";
import { parseQuery } from "@/lib/api/parse";
import { listMessages } from "@/lib/inbox/list-messages";
import { listMessagesQuerySchema } from "@/lib/validations/conversation";

export const GET = withUser<{ id: string }>(async ({ req, params, user }) => {
  await assertConversationVisible(user, params.id);
  return Response.json(await listMessages(params.id, parseQuery(req, listMessagesQuerySchema)));
}
);
