// GET /api/inbox/conversations — the conversation list: tab, view filter, search, cursor pages, tab
// unread counts (`?channel=…&sync=true` backfills from Meta first).
import { withUser } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { listConversations } from "@/lib/inbox/list-conversations";
import { syncIfRequested } from "@/lib/inbox/sync-conversations";
import { listConversationsQuerySchema } from "@/lib/validations/conversation";

export const GET = withUser(async ({ req, user }) => {
  await syncIfRequested(req);
  const query = parseQuery(req, listConversationsQuerySchema);
  return Response.json(await listConversations(query, user));
});
