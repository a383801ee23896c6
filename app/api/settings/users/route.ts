// GET /api/settings/users — the team, for admins. Password hashes never leave lib/.
import { withAdmin } from "@/lib/api/handler";
import { listUsers } from "@/lib/settings/list-users";

export const GET = withAdmin(async () => Response.json({ users: await listUsers() }));
