// POST /api/inbox/mentions/read — `{ ids }`, `{ conversationId }` or `{ all: true }`: marks the
// caller's own mentions read; `{ marked }`.
import { withUser } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { markMentionsRead } from "@/lib/notes/mark-mentions-read";
import { markMentionsReadSchema } from "@/lib/validations/note";

export const POST = withUser(async ({ req, user }) => {
  const input = await parseJsonBody(req, markMentionsReadSchema);
  return Response.json(await markMentionsRead(user.id, input));
});
