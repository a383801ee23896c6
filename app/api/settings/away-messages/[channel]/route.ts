// PUT /api/settings/away-messages/[channel] — admins: `{ enabled, text, timeZone, schedule }` for
// "instagram" or "whatsapp"; answers `{ awayMessage }`.
import { withAdmin } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { saveAwayMessage } from "@/lib/away-message/away-message-settings";
import { awayMessageSchema } from "@/lib/validations/away-message";

export const PUT = withAdmin<{ channel: string }>(async ({ req, params, user }) => {
  const input = await parseJsonBody(req, awayMessageSchema);
  return Response.json({ awayMessage: await saveAwayMessage(params.channel, input, user) });
});
