// POST /api/inbox/conversations/[id]/notes — a private note for staff in the thread (never sent to
// Meta); `@Name` mentions a teammate. 201 `{ message, mentioned: [{ id, name }] }`.
import { withUser } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { assertConversationVisible } from "@/lib/leads/visibility";
import { createNote } from "@/lib/notes/create-note";
import { createNoteSchema } from "@/lib/validations/note";

export const POST = withUser<{ id: string }>(async ({ req, params, user }) => {
  await assertConversationVisible(user, params.id);
  const input = await parseJsonBody(req, createNoteSchema);
  return Response.json(await createNote(params.id, input, user), { status: 201 });
});
