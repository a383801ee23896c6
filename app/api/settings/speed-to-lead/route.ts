// GET / PUT /api/settings/speed-to-lead — admins: the SLA target in minutes, its optional business
// hours `{ timeZone, schedule }` (null: round the clock), and the `slaReassign` / `autoAssign` switches.
import { withAdmin } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { readSlaSettings, saveSlaSettings } from "@/lib/speed-to-lead/sla-settings";
import { speedToLeadSettingsSchema } from "@/lib/validations/speed-to-lead";

export const GET = withAdmin(async () => Response.json({ speedToLead: await readSlaSettings() }));

export const PUT = withAdmin(async ({ req, user }) => {
  const input = await parseJsonBody(req, speedToLeadSettingsSchema);
  return Response.json({ speedToLead: await saveSlaSettings(input, user.id) });
});
