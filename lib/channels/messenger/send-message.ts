import { z } from "zod";
import { graphRequest, parseGraphAnswer, type GraphClientOptions } from "../meta/graph-client";
import { requireSetting } from "../meta/require-setting";
import type { ChannelCredentials, OutboundAttachment, SendResult } from "../types";

const sendAnswerSchema = z.object({ message_id: z.string().min(1), recipient_id: z.string().optional() });

// Inside 24 h a reply is a RESPONSE; after that, up to 7 days, only with the HUMAN_AGENT tag.
function messagingFields(humanAgent: boolean | undefined) {
  return humanAgent ? { messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" } : { messaging_type: "RESPONSE" };
}

/** The Send API, `POST /{page-id}/messages` with the Page access token. */
async function send(creds: ChannelCredentials, body: Record<string, unknown>, options?: GraphClientOptions): Promise<SendResult> {
  const pageId = requireSetting(creds.accountId, "messenger", "Page id");
  const answer = await graphRequest(
    creds,
    { method: "POST", path: `/${encodeURIComponent(pageId)}/messages`, body },
    { channel: "messenger", ...options },
  );
  return { externalId: parseGraphAnswer(sendAnswerSchema, answer, "messenger").message_id };
}

export function sendMessengerText(
  creds: ChannelCredentials,
  input: { to: string; text: string; humanAgent?: boolean },
  options?: GraphClientOptions,
): Promise<SendResult> {
  return send(creds, { recipient: { id: input.to }, ...messagingFields(input.humanAgent), message: { text: input.text } }, options);
}

/**
 * Sends a file by URL (Meta downloads it, so the URL must be public); `is_reusable: false` because
 * every reply attachment is sent once. Messenger attachments carry no caption.
 */
export function sendMessengerAttachment(
  creds: ChannelCredentials,
  input: { to: string; attachment: OutboundAttachment; humanAgent?: boolean },
  options?: GraphClientOptions,
): Promise<SendResult> {
  const { kind, url } = input.attachment;
  return send(
    creds,
    {
      recipient: { id: input.to },
      ...messagingFields(input.humanAgent),
      message: { attachment: { type: kind, payload: { url, is_reusable: false } } },
    },
    options,
  );
}
