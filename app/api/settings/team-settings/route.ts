// GET /api/settings/team-settings — { agentVisibility, defaultCurrency }; PATCH — change either (admins, audited).
import { withAdmin } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { readTeamSettings, updateTeamSettings } from "@/lib/settings/team-settings";
import { updateTeamSettingsSchema } from "@/lib/validations/team-settings";

export const GET = withAdmin(async () => Response.json(await readTeamSettings()));

export const PATCH = withAdmin(async ({ req, user }) => {
  const input = await parseJsonBody(req, updateTeamSettingsSchema);
  return Response.json(await updateTeamSettings(input, user.id));
});
