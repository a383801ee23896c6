// GET /api/inbox/quick-replies — the team's saved replies; POST — add one ({ shortcut, body }).
import { withUser } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { createQuickReply, listQuickReplies } from "@/lib/inbox/quick-replies";
import { createQuickReplySchema } from "@/lib/validations/quick-reply";

export const GET = withUser(async () => Response.json({ quickReplies: await listQuickReplies() }));

export const POST = withUser(async ({ req, user }) => {
  const input = await parseJsonBody(req, createQuickReplySchema);
  return Response.json({ quickReply: await createQuickReply(input, user) }, { status: 201 });
});
