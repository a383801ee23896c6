// GET /api/inbox/mentions — the caller's @mentions in private notes, newest first: `{ unread, mentions }`.
import { withUser } from "@/lib/api/handler";
import { listMentions } from "@/lib/notes/list-mentions";

export const GET = withUser(async ({ user }) => Response.json(await listMentions(user.id)));
