// POST /api/inbox/conversations/[id]/read — mark the conversation read for the team (unread badge to 0).
import { withUser } from "@/lib/api/handler";
import { markRead } from "@/lib/inbox/mark-read";

export const POST = withUser<{ id: string }>(async ({ params }) => Response.json(await markRead(params.id)));
