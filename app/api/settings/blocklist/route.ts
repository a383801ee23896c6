// GET /api/settings/blocklist — who is blocked; POST — block by id, @username or phone number.
import { withAdmin } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { listBlocked } from "@/lib/inbox/blocklist";
import { addToBlocklist } from "@/lib/settings/blocklist";
import { blockContactSchema } from "@/lib/validations/settings";

export const GET = withAdmin(async () => Response.json({ blocked: await listBlocked() }));

export const POST = withAdmin(async ({ req, user }) => {
  const input = await parseJsonBody(req, blockContactSchema);
  return Response.json({ blocked: await addToBlocklist(input, user.id) }, { status: 201 });
});
