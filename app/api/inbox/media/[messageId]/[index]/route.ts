// GET /api/inbox/media/[messageId]/[index] — a message attachment's bytes, fetched from Meta with
// our token and streamed to signed-in staff only (customer media never gets a public URL).
import { withUser } from "@/lib/api/handler";
import { fetchMessageMedia } from "@/lib/inbox/fetch-message-media";

export const GET = withUser<{ messageId: string; index: string }>(async ({ params }) => {
  const media = await fetchMessageMedia(params.messageId, params.index);
  return new Response(media.body, {
    headers: {
      "Content-Type": media.mimeType,
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": media.disposition,
    },
  });
});
