// GET /api/inbox/conversations/[id] — one conversation for signed-in staff (`?sync=true` backfills it first).
import { withUser } from "@/lib/api/handler";
import { getConversation } from "@/lib/inbox/get-conversation";
import { syncIfRequested } from "@/lib/inbox/sync-conversations";

export const GET = withUser<{ id: string }>(async ({ req, params }) => {
  await syncIfRequested(req, params.id);
  return Response.json(await getConversation(params.id));
});
