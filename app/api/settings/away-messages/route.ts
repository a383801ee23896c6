// GET /api/settings/away-messages — admins: each channel's away message and business hours,
// `{ awayMessages: [{ channel, channelLabel, enabled, text, timeZone, schedule }] }`.
import { withAdmin } from "@/lib/api/handler";
import { listAwayMessages } from "@/lib/away-message/away-message-settings";

export const GET = withAdmin(async () => Response.json({ awayMessages: await listAwayMessages() }));
