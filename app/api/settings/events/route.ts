// GET /api/settings/events — the webhook event log, newest first, with 24-hour counters.
import { withAdmin } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { countRecentEvents, listEvents } from "@/lib/settings/list-events";
import { listEventsQuerySchema } from "@/lib/validations/settings";

export const GET = withAdmin(async ({ req }) => {
  const query = parseQuery(req, listEventsQuerySchema);
  const [page, counters] = await Promise.all([listEvents(query), countRecentEvents()]);
  return Response.json({ ...page, counters });
});
