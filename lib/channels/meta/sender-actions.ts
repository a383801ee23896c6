import { z } from "zod";
import type { ChannelCredentials, ChannelKey } from "../types";
import { graphRequest, parseGraphAnswer, type GraphClientOptions } from "./graph-client";
import { requireSetting } from "./require-setting";

/** What the customer sees of us on Instagram and Messenger: the Send API's sender actions. */
export type SenderAction = "mark_seen" | "typing_on" | "typing_off";

const senderActionAnswerSchema = z.object({ recipient_id: z.string().optional() });

/**
 * `POST /{account-id}/messages` `{ recipient, sender_action }` — Instagram (either login) and
 * Messenger alike. Not retried: a late "typing" is worse than none, and the caller only logs failures.
 */
export async function sendSenderAction(
  creds: ChannelCredentials,
  channel: ChannelKey,
  input: { to: string; action: SenderAction },
  options?: GraphClientOptions,
): Promise<void> {
  const accountId = requireSetting(creds.accountId, channel, "account id");
  const answer = await graphRequest(
    creds,
    { method: "POST", path: `/${encodeURIComponent(accountId)}/messages`, body: { recipient: { id: input.to }, sender_action: input.action } },
    { channel, retry: { maxAttempts: 1 }, ...options },
  );
  parseGraphAnswer(senderActionAnswerSchema, answer, channel);
}
