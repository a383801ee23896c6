// GET /api/inbox/events — server-sent events for signed-in staff: every inbox change (new message,
// status, read, assignment) as `data: {type, conversationId, …}`; clients refetch what changed. The
// stream ends once its viewer is disabled or signed out everywhere. Presence (who is viewing or
// typing) has its own per-conversation stream: it changes no data, so it is not sent here.
import { withUser } from "@/lib/api/handler";
import { mayReceive } from "@/lib/leads/visibility";
import { eventBus } from "@/lib/realtime/bus";
import { inboxEventStream, SSE_HEARTBEAT_MS } from "@/lib/realtime/sse-stream";
import { watchUserAccess } from "@/lib/users/user-sessions";

export const dynamic = "force-dynamic";

export const GET = withUser(async ({ req, user }) =>
  new Response(inboxEventStream(eventBus, req.signal, { filter: async (event) => event.type !== "presence.updated" && mayReceive(user, event), stillAllowed: await watchUserAccess(user.id) }), {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  }),
);
