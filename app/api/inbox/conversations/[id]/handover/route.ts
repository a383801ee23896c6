// POST /api/inbox/conversations/[id]/handover { action: "take" | "request" | "pass" } — Meta's handover
// protocol for a thread another app (a chatbot) may hold. 200 { threadHeldSince, threadRequestedAt };
// 502 THREAD_CONTROL_DENIED when Meta won't let us.
import { withUser } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { controlThread } from "@/lib/handover/control-thread";
import { assertConversationVisible } from "@/lib/leads/visibility";
import { threadControlSchema } from "@/lib/validations/handover";

export const POST = withUser<{ id: string }>(async ({ req, params, user }) => {
  await assertConversationVisible(user, params.id);
  const { action } = await parseJsonBody(req, threadControlSchema);
  return Response.json(await controlThread({ conversationId: params.id, action, userName: user.name }));
});
