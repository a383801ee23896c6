// PUT /api/inbox/conversations/[id]/labels — `{ labelIds: [...] }` becomes the conversation's whole
// set of labels (anyone on the team); answers the updated conversation. Unknown label ids 422.
import { withUser } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { assertConversationVisible } from "@/lib/leads/visibility";
import { setConversationLabels } from "@/lib/labels/set-conversation-labels";
import { setConversationLabelsSchema } from "@/lib/validations/label";

export const PUT = withUser<{ id: string }>(async ({ req, params, user }) => {
  await assertConversationVisible(user, params.id);
  const input = await parseJsonBody(req, setConversationLabelsSchema);
  return Response.json(await setConversationLabels(params.id, input));
});
