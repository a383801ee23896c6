// POST /api/inbox/conversations/[id]/reply — send a text, attachment or (WhatsApp) template reply.
// 201 { message, messages } when Meta accepted it (an attachment with text can be two messages);
// 502 { error, message } with the FAILED message otherwise.
import { withUser } from "@/lib/api/handler";
import { assertConversationVisible } from "@/lib/leads/visibility";
import { parseJsonBody } from "@/lib/api/parse";
import { sendReply } from "@/lib/inbox/send-reply";
import { replySent } from "@/lib/customer-signals/customer-typing";
import { appOrigin } from "@/lib/settings/app-origin";
import { sendReplySchema } from "@/lib/validations/reply";

export const POST = withUser<{ id: string }>(async ({ req, params, user }) => {
  await assertConversationVisible(user, params.id);
  const body = await parseJsonBody(req, sendReplySchema);
  const messages = await sendReply({ conversationId: params.id, userId: user.id, body, publicOrigin: appOrigin(req.headers) });
  replySent(params.id);
  return Response.json({ message: messages[0], messages }, { status: 201 });
});
