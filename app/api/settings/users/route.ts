// GET /api/settings/users — the team; POST — add a staff member. Password hashes never leave lib/.
import { withAdmin } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { listUsers } from "@/lib/settings/list-users";
import { addStaffMember } from "@/lib/settings/manage-team";
import { createStaffSchema } from "@/lib/validations/settings";

export const GET = withAdmin(async () => Response.json({ users: await listUsers() }));

export const POST = withAdmin(async ({ req, user }) => {
  const input = await parseJsonBody(req, createStaffSchema);
  return Response.json({ user: await addStaffMember(input, user.id) }, { status: 201 });
});
