// POST /api/settings/events/{id}/replay — run a failed or ignored webhook delivery through ingestion again.
import { withAdmin } from "@/lib/api/handler";
import { replayWebhookEvent } from "@/lib/settings/replay-webhook-event";

export const POST = withAdmin<{ id: string }>(async ({ params, user }) =>
  Response.json(await replayWebhookEvent(params.id, user.id)),
);
