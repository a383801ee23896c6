import { z } from "zod";
import { graphRequest, parseGraphAnswer, type GraphClientOptions } from "../meta/graph-client";
import { requireSetting } from "../meta/require-setting";
import type { ChannelCredentials, OutboundAttachment, SendResult } from "../types";

const sendAnswerSchema = z.object({ message_id: z.string().min(1), recipient_id: z.string().optional() });

// Inside 24 h a reply is a RESPONSE; after that only the HUMAN_AGENT tag (7 days) is allowed.
function messagingFields(humanAgent: boolean | undefined) {
  return humanAgent ? { messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" } : { messaging_type: "RESPONSE" };
}

async function send(creds: ChannelCredentials, body: Record<string, unknown>, options?: GraphClientOptions): Promise<SendResult> {
  const accountId = requireSetting(creds.accountId, "instagram", "account id");
  const answer = await graphRequest(
    creds,
    { method: "POST", path: `/${encodeURIComponent(accountId)}/messages`, body },
    { channel: "instagram", ...options },
  );
  return { externalId: parseGraphAnswer(sendAnswerSchema, answer, "instagram").message_id };
}

export function sendInstagramText(
  creds: ChannelCredentials,
  input: { to: string; text: string; humanAgent?: boolean },
  options?: GraphClientOptions,
): Promise<SendResult> {
  return send(creds, { recipient: { id: input.to }, ...messagingFields(input.humanAgent), message: { text: input.text } }, options);
}

/**
 * Sends a file by URL; Meta fetches it, so the URL must be publicly reachable. Instagram attachments
 * carry no caption: a caption has to go as its own text message.
 */
export function sendInstagramAttachment(
  creds: ChannelCredentials,
  input: { to: string; attachment: OutboundAttachment; humanAgent?: boolean },
  options?: GraphClientOptions,
): Promise<SendResult> {
  const { kind, url } = input.attachment;
  return send(
    creds,
    { recipient: { id: input.to }, ...messagingFields(input.humanAgent), message: { attachment: { type: kind, payload: { url } } } },
    options,
  );
}
