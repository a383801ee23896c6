// POST /api/inbox/conversations/[id]/reply — send a text (or WhatsApp template) reply to the customer.
// 201 { message } when Meta accepted it; 502 { error, message } with the FAILED message otherwise.
import { withUser } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { sendReply } from "@/lib/inbox/send-reply";
import { sendReplySchema } from "@/lib/validations/reply";

export const POST = withUser<{ id: string }>(async ({ req, params, user }) => {
  const body = await parseJsonBody(req, sendReplySchema);
  const message = await sendReply({ conversationId: params.id, userId: user.id, body });
  return Response.json({ message }, { status: 201 });
});
