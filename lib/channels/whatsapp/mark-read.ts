import { z } from "zod";
import { graphRequest, parseGraphAnswer, type GraphClientOptions } from "../meta/graph-client";
import { requireSetting } from "../meta/require-setting";
import type { ChannelCredentials } from "../types";

const successSchema = z.object({ success: z.boolean() });

/**
 * Cloud API read receipt: `POST /{phone-number-id}/messages` `{ messaging_product, status: "read",
 * message_id }` marks that message (and every earlier one) read. With `typing` it also shows the
 * typing indicator, which WhatsApp dismisses when we reply or after 25 seconds. Not retried: the
 * caller fires it in the background and only logs a failure.
 */
export async function markWhatsAppRead(
  creds: ChannelCredentials,
  input: { messageId: string; typing?: boolean },
  options?: GraphClientOptions,
): Promise<void> {
  const phoneNumberId = requireSetting(creds.accountId, "whatsapp", "phone number id");
  const body: Record<string, unknown> = { messaging_product: "whatsapp", status: "read", message_id: input.messageId };
  if (input.typing) body.typing_indicator = { type: "text" };
  const answer = await graphRequest(
    creds,
    { method: "POST", path: `/${encodeURIComponent(phoneNumberId)}/messages`, body },
    { channel: "whatsapp", retry: { maxAttempts: 1 }, ...options },
  );
  parseGraphAnswer(successSchema, answer, "whatsapp");
}
