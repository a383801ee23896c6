// POST /api/inbox/conversations/[id]/attachments — multipart `file`: keep a file for a reply in this
// conversation. 201 { attachment } with the id the reply body names; 413/415 when the channel can't take it.
import { withUser } from "@/lib/api/handler";
import { assertConversationVisible } from "@/lib/leads/visibility";
import { parseUploadedFile } from "@/lib/api/parse-upload";
import { env } from "@/lib/env";
import { uploadReplyAttachment } from "@/lib/media/upload-reply-attachment";

export const POST = withUser<{ id: string }>(async ({ req, params, user }) => {
  await assertConversationVisible(user, params.id);
  const file = await parseUploadedFile(req, env.MEDIA_MAX_BYTES);
  const attachment = await uploadReplyAttachment({ conversationId: params.id, userId: user.id, file });
  return Response.json({ attachment }, { status: 201 });
});
