import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { authSecret } from "@/lib/local-secrets";
import { verifyReplyAttachmentLink } from "./reply-attachment-link";
import { mediaResponse } from "./serve-message-media";
import { mediaStorage } from "./storage";

/**
 * The file behind a signed reply-attachment link, for Meta's fetch. Only files staff attached to a
 * reply are ever served this way; a bad, expired or unknown link gets the same 404.
 */
export async function serveReplyAttachmentLink(token: string): Promise<Response> {
  const id = verifyReplyAttachmentLink(authSecret(), token);
  const file = id
    ? await db.mediaFile.findUnique({
        where: { id },
        select: { status: true, storageKey: true, contentType: true, filename: true, message: { select: { direction: true, status: true } } },
      })
    : null;
  const servable = file?.status === "STORED" && file.storageKey && file.message?.direction === "OUTBOUND" && file.message.status !== "DELETED";
  const stored = servable ? await mediaStorage().get(file.storageKey!) : null;
  if (!stored) throw new ApiError({ code: "NOT_FOUND", message: "No such file" });
  return mediaResponse({ body: stored.body, contentType: stored.contentType, filename: file!.filename, rangeable: false }, null);
}
