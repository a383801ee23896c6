import { ApiError } from "@/lib/api/errors";
import { readRawBody, validate } from "@/lib/api/parse";
import { formatBytes } from "@/lib/media/reply-attachment-rules";
import { replyAttachmentFormSchema } from "@/lib/validations/media";

/** Room for the multipart framing around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * One uploaded file from a multipart/form-data body, read under a hard cap so an oversized upload
 * is refused while streaming, not after it was buffered whole.
 */
export async function parseUploadedFile(req: Request, maxFileBytes: number): Promise<{ body: Uint8Array; contentType: string; filename: string }> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;\s*boundary=/i.test(contentType)) {
    throw new ApiError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the file as multipart/form-data" });
  }
  const raw = await readRawBody(req, maxFileBytes + MULTIPART_OVERHEAD_BYTES).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === "PAYLOAD_TOO_LARGE") {
      throw new ApiError({ code: "PAYLOAD_TOO_LARGE", message: `Files can be at most ${formatBytes(maxFileBytes)}` });
    }
    throw error;
  });
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new ApiError({ code: "BAD_REQUEST", message: "The upload is not valid multipart/form-data" });
  }
  const { file } = validate(replyAttachmentFormSchema, { file: form.get("file") ?? undefined }, "upload");
  if (file.size > maxFileBytes) throw new ApiError({ code: "PAYLOAD_TOO_LARGE", message: `Files can be at most ${formatBytes(maxFileBytes)}` });
  return { body: new Uint8Array(await file.arrayBuffer()), contentType: file.type || "application/octet-stream", filename: file.name };
}
