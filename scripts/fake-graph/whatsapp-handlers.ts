// WhatsApp Cloud API endpoints: send, media (metadata + authenticated download), templates and the
// phone number itself.
import { createHash } from "node:crypto";
import { newWamid } from "../meta-sim/ids";
import { takeDownload, type FakeState, type UploadedFile } from "./fake-state";
import { invalidParameterError, missingTokenError, unknownObjectError } from "./graph-errors";
import { fail, ok, pickFields, type GraphReply } from "./graph-reply";
import { messageTemplates } from "./message-templates";
import { generatePng } from "./png";
import { describeIssue, whatsappMarkReadSchema, whatsappSendSchema } from "./send-schemas";

export function sendWhatsAppMessage(state: FakeState, body: unknown): GraphReply {
  if (typeof body === "object" && body !== null && "status" in body) {
    const markRead = whatsappMarkReadSchema.safeParse(body);
    if (!markRead.success) return fail(invalidParameterError("Invalid parameter", describeIssue(markRead.error.issues[0])));
    return ok({ success: true });
  }
  const parsed = whatsappSendSchema.safeParse(body);
  if (!parsed.success) return fail(invalidParameterError("Invalid parameter", describeIssue(parsed.error.issues[0])));
  const mediaId = mediaIdOf(parsed.data);
  if (mediaId !== undefined && !state.media.has(mediaId)) {
    return fail(invalidParameterError("Invalid parameter", `Media id ${mediaId} was not uploaded to this phone number or has expired`));
  }
  const { to, recipient } = parsed.data;
  if (to !== undefined) {
    const waId = to.replace(/\D/g, "");
    return ok({ messaging_product: "whatsapp", contacts: [{ input: to, wa_id: waId }], messages: [{ id: newWamid(waId) }] });
  }
  if (recipient === undefined) return fail(invalidParameterError("Invalid parameter", "The parameter to is required"));
  // Sent by business-scoped user id: Meta answers with user_id and no wa_id.
  return ok({ messaging_product: "whatsapp", contacts: [{ input: recipient, user_id: recipient }], messages: [{ id: newWamid(recipient) }] });
}

function mediaIdOf(message: Record<string, unknown> & { type: string }): string | undefined {
  const media = message[message.type];
  return typeof media === "object" && media !== null && "id" in media && typeof media.id === "string" ? media.id : undefined;
}

/** `POST /{phone-number-id}/media` (multipart): keeps the file under a new media id, as the Cloud API does. */
export function uploadMedia(state: FakeState, phoneNumberId: string, body: unknown, file: UploadedFile | undefined): GraphReply {
  const fields = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  if (fields.messaging_product !== "whatsapp") return fail(invalidParameterError("Invalid parameter", "The parameter messaging_product is required"));
  if (!file) return fail(invalidParameterError("Invalid parameter", "The parameter file is required"));
  if (typeof fields.type !== "string" || fields.type === "") return fail(invalidParameterError("Invalid parameter", "The parameter type is required"));
  state.phoneNumberIds.add(phoneNumberId);
  const id = String(1_000_000_000_000_000 + Math.floor(Math.random() * 8_999_999_999_999_999));
  state.media.set(id, { bytes: file.bytes, mimeType: fields.type });
  return ok({ id });
}

function mediaFor(state: FakeState, id: string) {
  return state.media.get(id) ?? { bytes: generatePng(id), mimeType: "image/png" };
}

/** Media metadata; the url points back at this server and needs the token, as Meta's does. */
export function mediaInfo(state: FakeState, id: string, baseUrl: string): GraphReply {
  if (state.expiredMedia.has(id)) return fail(unknownObjectError(id));
  const media = mediaFor(state, id);
  return ok({
    messaging_product: "whatsapp",
    url: `${baseUrl}/media-download/${encodeURIComponent(id)}`,
    mime_type: media.mimeType,
    sha256: createHash("sha256").update(media.bytes).digest("hex"),
    file_size: media.bytes.length,
    id,
  });
}

export function mediaDownload(state: FakeState, id: string, authorization: string | undefined): GraphReply {
  // Meta's media CDN accepts the token only as a bearer header, never as a query parameter.
  if (!/^Bearer \S+/i.test(authorization ?? "")) return fail(missingTokenError());
  if (state.expiredMedia.has(id)) return fail(unknownObjectError(id));
  const media = mediaFor(state, id);
  if (!takeDownload(media)) {
    state.expiredMedia.add(id);
    return fail(unknownObjectError(id));
  }
  // The last allowed download expires the id at once, like Meta's media after its retention period.
  if (media.downloadsLeft === 0) state.expiredMedia.add(id);
  return { status: 200, bytes: media.bytes, contentType: media.mimeType };
}

export function listTemplates(query: URLSearchParams): GraphReply {
  const name = query.get("name");
  const data = messageTemplates
    .filter((template) => name === null || template.name.includes(name))
    .map((template) => pickFields(template, query.get("fields")));
  return ok({ data });
}

export function phoneNumberInfo(id: string, fields: string | null): GraphReply {
  const phone = {
    verified_name: "Demo Furniture Co",
    code_verification_status: "VERIFIED",
    display_phone_number: "+1 555-078-3881",
    quality_rating: "GREEN",
    platform_type: "CLOUD_API",
    throughput: { level: "STANDARD" },
    id,
  };
  return ok(pickFields(phone, fields));
}
