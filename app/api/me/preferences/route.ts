// GET /api/me/preferences — the signed-in user's own notification level and sound, and Away.
// PATCH — `{ notificationLevel?, notificationSound?, away? }`; answers the saved preferences.
import { withUser } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { getPreferences, updatePreferences } from "@/lib/notifications/preferences";
import { updatePreferencesSchema } from "@/lib/validations/preferences";

export const GET = withUser(async ({ user }) => Response.json({ preferences: await getPreferences(user.id) }));

export const PATCH = withUser(async ({ req, user }) => {
  const input = await parseJsonBody(req, updatePreferencesSchema);
  return Response.json({ preferences: await updatePreferences(user.id, input) });
});
