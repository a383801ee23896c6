// GET /api/inbox/conversations — the conversation list for signed-in staff.
import { withUser } from "@/lib/api/handler";
import { listConversations } from "@/lib/inbox/list-conversations";

export const GET = withUser(async () => Response.json(await listConversations()));
