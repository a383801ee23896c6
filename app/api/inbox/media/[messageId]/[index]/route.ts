// GET /api/inbox/media/[messageId]/[index][?variant=thumb] — a message attachment's bytes for
// signed-in staff only (customer media never gets a public URL): from our media storage once kept,
// live from Meta while the download is pending; `Range` requests for stored files.
import { withUser } from "@/lib/api/handler";
import { assertMessageVisible } from "@/lib/leads/visibility";
import { parseQuery } from "@/lib/api/parse";
import { serveMessageMedia } from "@/lib/media/serve-message-media";
import { mediaQuerySchema } from "@/lib/validations/media";

export const GET = withUser<{ messageId: string; index: string }>(async ({ req, params, user }) => {
  await assertMessageVisible(user, params.messageId);
  return serveMessageMedia(params.messageId, params.index, parseQuery(req, mediaQuerySchema), req.headers.get("range"));
}
);
