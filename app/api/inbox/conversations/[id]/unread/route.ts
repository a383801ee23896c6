// POST /api/inbox/conversations/[id]/unread — mark the conversation unread again for the team.
import { withUser } from "@/lib/api/handler";
import { markUnread } from "@/lib/inbox/mark-read";

export const POST = withUser<{ id: string }>(async ({ params }) => Response.json(await markUnread(params.id)));
