// GET /api/media/reply-attachments/[token] — public, for Meta only: Instagram sends a reply's
// attachment by URL and fetches it from here. The token is signed and expires within the hour.
import { withPublic } from "@/lib/api/handler";
import { serveReplyAttachmentLink } from "@/lib/media/serve-reply-attachment-link";

export const GET = withPublic<{ token: string }>(async ({ params }) => serveReplyAttachmentLink(params.token));
