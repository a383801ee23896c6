import { z } from "zod";
import { graphRequest, parseGraphAnswer, type GraphClientOptions } from "../meta/graph-client";
import { requireSetting } from "../meta/require-setting";
import type { ChannelCredentials, OutboundAttachment, SendResult } from "../types";

const sendAnswerSchema = z.object({ messages: z.array(z.object({ id: z.string().min(1) })).min(1) });

const mediaTypes: Record<OutboundAttachment["kind"], string> = { image: "image", video: "video", audio: "audio", file: "document" };

/**
 * A business-scoped user id ("PT.1502576394655843"; a parent one "US.ENT.…") goes in `recipient`,
 * a phone number in `to`: Meta's send API for customers known only by username.
 */
const BSUID = /^[A-Z]{2}\./;

const recipientOf = (to: string) => (BSUID.test(to) ? { recipient: to } : { to });

/** Posts one Cloud API message object to the phone number or BSUID and returns its wamid. */
async function sendWhatsAppMessage(
  creds: ChannelCredentials,
  to: string,
  message: Record<string, unknown>,
  options?: GraphClientOptions,
): Promise<SendResult> {
  const phoneNumberId = requireSetting(creds.accountId, "whatsapp", "phone number id");
  const answer = await graphRequest(
    creds,
    {
      method: "POST",
      path: `/${encodeURIComponent(phoneNumberId)}/messages`,
      body: { messaging_product: "whatsapp", recipient_type: "individual", ...recipientOf(to), ...message },
    },
    { channel: "whatsapp", ...options },
  );
  return { externalId: parseGraphAnswer(sendAnswerSchema, answer, "whatsapp").messages[0].id };
}

export function sendWhatsAppText(creds: ChannelCredentials, input: { to: string; text: string }, options?: GraphClientOptions) {
  // Link previews stay off: a sales reply should look the same in the inbox and on the phone.
  return sendWhatsAppMessage(creds, input.to, { type: "text", text: { body: input.text, preview_url: false } }, options);
}

const uploadAnswerSchema = z.object({ id: z.string().min(1) });

/**
 * Uploads the file to the phone number's media store and returns its media id. Uploading (rather
 * than sending a link for Meta to fetch) works for inboxes that Meta cannot reach from outside.
 */
export async function uploadWhatsAppMedia(
  creds: ChannelCredentials,
  file: { body: Uint8Array; contentType: string; filename?: string },
  options?: GraphClientOptions,
): Promise<string> {
  const phoneNumberId = requireSetting(creds.accountId, "whatsapp", "phone number id");
  const form = new FormData();
  form.set("messaging_product", "whatsapp");
  form.set("type", file.contentType);
  form.set("file", new Blob([file.body as BlobPart], { type: file.contentType }), file.filename ?? "file");
  const answer = await graphRequest(
    creds,
    { method: "POST", path: `/${encodeURIComponent(phoneNumberId)}/media`, form, idempotent: true },
    { channel: "whatsapp", ...options },
  );
  return parseGraphAnswer(uploadAnswerSchema, answer, "whatsapp").id;
}

/** Uploads the file, then sends it by media id. Audio takes no caption on WhatsApp; documents keep their filename. */
export async function sendWhatsAppAttachment(
  creds: ChannelCredentials,
  input: { to: string; attachment: OutboundAttachment },
  options?: GraphClientOptions,
) {
  const { kind, caption, filename, contentType } = input.attachment;
  const id = await uploadWhatsAppMedia(creds, { body: await input.attachment.read(), contentType, filename }, options);
  const type = mediaTypes[kind];
  const media: Record<string, string> = { id };
  if (caption && kind !== "audio") media.caption = caption;
  if (filename && kind === "file") media.filename = filename;
  return sendWhatsAppMessage(creds, input.to, { type, [type]: media }, options);
}

/** A template message, the only kind WhatsApp allows outside the 24-hour window. */
export function sendWhatsAppTemplate(
  creds: ChannelCredentials,
  input: { to: string; name: string; language: string; parameters: string[] },
  options?: GraphClientOptions,
) {
  const components = input.parameters.length
    ? [{ type: "body", parameters: input.parameters.map((text) => ({ type: "text", text })) }]
    : undefined;
  return sendWhatsAppMessage(
    creds,
    input.to,
    { type: "template", template: { name: input.name, language: { code: input.language }, ...(components ? { components } : {}) } },
    options,
  );
}
