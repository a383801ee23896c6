// GET /api/inbox/conversations — the conversation list: tab, view filter, search, cursor pages, tab
// unread counts. (Backfilling from Meta is `POST /api/inbox/sync`.)
import { withUser } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { listConversations } from "@/lib/inbox/list-conversations";
import { listConversationsQuerySchema } from "@/lib/validations/conversation";

export const GET = withUser(async ({ req, user }) => {
  const query = parseQuery(req, listConversationsQuerySchema);
  return Response.json(await listConversations(query, user));
});
