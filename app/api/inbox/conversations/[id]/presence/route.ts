// GET  /api/inbox/conversations/[id]/presence?connectionId=… — server-sent events: the other staff on
//      this conversation (`{ viewers: [{ userId, userName, typing }] }`) now and on every change; while
//      it is open this tab counts as viewing, and closing it leaves at once.
// POST /api/inbox/conversations/[id]/presence { connectionId, typing } — the composer started or
//      stopped typing: teammates see it, and the customer sees a typing indicator (after answering).
import { after } from "next/server";
import { withUser } from "@/lib/api/handler";
import { parseJsonBody, parseQuery } from "@/lib/api/parse";
import { staffTyping } from "@/lib/customer-signals/customer-typing";
import { assertConversationVisible } from "@/lib/leads/visibility";
import { reportTyping } from "@/lib/presence/presence-hub";
import { presenceStream } from "@/lib/presence/presence-stream";
import { watchUserAccess } from "@/lib/users/user-sessions";
import { presenceStreamQuerySchema, reportPresenceSchema } from "@/lib/validations/presence";

export const dynamic = "force-dynamic";

export const GET = withUser<{ id: string }>(async ({ req, params, user }) => {
  const { connectionId } = parseQuery(req, presenceStreamQuerySchema);
  await assertConversationVisible(user, params.id);
  const hasAccess = await watchUserAccess(user.id);
  // Reassigned away under "own and unassigned" visibility: the stream ends, and the tab leaves.
  const stillAllowed = async () => (await hasAccess()) && (await assertConversationVisible(user, params.id).then(() => true, () => false));
  const stream = presenceStream({ conversationId: params.id, connectionId, user }, req.signal, stillAllowed);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});

export const POST = withUser<{ id: string }>(async ({ req, params, user }) => {
  await assertConversationVisible(user, params.id);
  const { connectionId, typing } = await parseJsonBody(req, reportPresenceSchema);
  await reportTyping({ conversationId: params.id, connectionId, userId: user.id, userName: user.name, typing });
  after(() => staffTyping({ conversationId: params.id, connectionId, typing }));
  return new Response(null, { status: 204 });
});
