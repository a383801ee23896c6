// PATCH /api/inbox/quick-replies/[id] — edit a saved reply; DELETE — remove it (team-wide).
import { withUser } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { deleteQuickReply, updateQuickReply } from "@/lib/inbox/quick-replies";
import { updateQuickReplySchema } from "@/lib/validations/quick-reply";

export const PATCH = withUser<{ id: string }>(async ({ req, params }) => {
  const input = await parseJsonBody(req, updateQuickReplySchema);
  return Response.json({ quickReply: await updateQuickReply(params.id, input) });
});

export const DELETE = withUser<{ id: string }>(async ({ params }) => {
  await deleteQuickReply(params.id);
  return new Response(null, { status: 204 });
});
