// GET /api/v1/conversations — the inbox list: channel tab, view filter, search, cursor pages.
import { parseQuery } from "@/lib/api/parse";
import { withApiToken } from "@/lib/api/with-api-token";
import { listConversations } from "@/lib/inbox/list-conversations";
import { listConversationsQuerySchema } from "@/lib/validations/conversation";

export const GET = withApiToken("read", async ({ req, caller }) =>
  Response.json(await listConversations(parseQuery(req, listConversationsQuerySchema), caller.user)),
);
