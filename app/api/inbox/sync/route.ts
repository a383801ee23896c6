// POST /api/inbox/sync — backfill from Meta's Conversations API: `{ channel? }` (every configured
// channel when omitted) or `{ conversationId }`. Admins only: it pages through Meta and writes a lot.
import { withAdmin } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { runSync } from "@/lib/inbox/sync-conversations";
import { syncRequestSchema } from "@/lib/validations/sync";

export const POST = withAdmin(async ({ req }) => Response.json(await runSync(await parseJsonBody(req, syncRequestSchema))));
