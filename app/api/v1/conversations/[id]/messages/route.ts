// GET /api/v1/conversations/{id}/messages — the thread, newest page first.
// POST (read_write tokens) { text } + optional Idempotency-Key header — a reply through the inbox's
// own send path (window and human-agent rules, errors), sent as the token's creator: 201 { message, messages }.
import { parseJsonBody, parseQuery, validate } from "@/lib/api/parse";
import { withApiToken } from "@/lib/api/with-api-token";
import { getConversation } from "@/lib/inbox/get-conversation";
import { listMessages } from "@/lib/inbox/list-messages";
import { sendReply } from "@/lib/inbox/send-reply";
import { appOrigin } from "@/lib/settings/app-origin";
import { apiSendMessageSchema, idempotencyKeySchema } from "@/lib/validations/api-v1";
import { listMessagesQuerySchema } from "@/lib/validations/conversation";

export const GET = withApiToken<{ id: string }>("read", async ({ req, params }) => {
  const query = parseQuery(req, listMessagesQuerySchema);
  await getConversation(params.id);
  return Response.json(await listMessages(params.id, query));
});

export const POST = withApiToken<{ id: string }>("write", async ({ req, params, caller }) => {
  const idempotencyKey = validate(idempotencyKeySchema, req.headers.get("idempotency-key") ?? undefined, "Idempotency-Key header");
  const { text } = await parseJsonBody(req, apiSendMessageSchema);
  const messages = await sendReply({
    conversationId: params.id,
    userId: caller.user.id,
    body: { text, idempotencyKey },
    publicOrigin: appOrigin(req.headers),
  });
  return Response.json({ message: messages[0], messages }, { status: 201 });
});
