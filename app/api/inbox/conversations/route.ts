// GET /api/inbox/conversations — the conversation list for signed-in staff.
import { withUser } from "@/lib/api/handler";
import { listConversations } from "@/lib/inbox/list-conversations";
import { syncIfRequested } from "@/lib/inbox/sync-conversations";

export const GET = withUser(async ({ req }) => {
  await syncIfRequested(req);
  return Response.json(await listConversations());
});
