// GET /api/inbox/team — active teammates (id, name) for the assign menu.
import { withUser } from "@/lib/api/handler";
import { listTeam } from "@/lib/inbox/list-team";

export const GET = withUser(async () => Response.json({ team: await listTeam() }));
