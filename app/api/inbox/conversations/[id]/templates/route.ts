// GET /api/inbox/conversations/[id]/templates — approved message templates for this conversation's
// channel (WhatsApp; empty for channels without templates), for re-opening a closed window.
import { withUser } from "@/lib/api/handler";
import { assertConversationVisible } from "@/lib/leads/visibility";
import { listConversationTemplates } from "@/lib/inbox/list-templates";

export const GET = withUser<{ id: string }>(async ({ params, user }) => {
  await assertConversationVisible(user, params.id);
  return Response.json({ templates: await listConversationTemplates(params.id) });
}
);
