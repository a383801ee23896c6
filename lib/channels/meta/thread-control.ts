import { z } from "zod";
import type { ChannelCredentials, ChannelKey, ThreadControlAction } from "../types";
import { graphRequest, parseGraphAnswer, type GraphClientOptions } from "./graph-client";
import { channelLabel, GraphApiError } from "./graph-error";
import { requireSetting } from "./require-setting";

const successSchema = z.object({ success: z.boolean() });

const EDGES: Record<ThreadControlAction, string> = {
  take: "take_thread_control",
  request: "request_thread_control",
  pass: "pass_thread_control",
};

/**
 * Meta's handover protocol / conversation routing on Instagram and Messenger:
 * `POST /{page-or-ig-id}/{take|request|pass}_thread_control` `{ recipient: { id }, metadata?, target_app_id? }`
 * answering `{ success: true }`. Passing without a target app hands the thread to the account's
 * default app (Meta's documented behaviour under conversation routing).
 */
export async function controlThread(
  creds: ChannelCredentials,
  channel: ChannelKey,
  action: ThreadControlAction,
  input: { to: string; targetAppId?: string; metadata?: string },
  options?: GraphClientOptions,
): Promise<void> {
  const accountId = requireSetting(creds.accountId, channel, "account id");
  const body: Record<string, unknown> = { recipient: { id: input.to } };
  if (input.metadata) body.metadata = input.metadata;
  if (action === "pass" && input.targetAppId) body.target_app_id = input.targetAppId;
  let answer: unknown;
  try {
    answer = await graphRequest(
      creds,
      { method: "POST", path: `/${encodeURIComponent(accountId)}/${EDGES[action]}`, body, idempotent: true },
      { channel, ...options },
    );
  } catch (error) {
    throw error instanceof GraphApiError ? threadControlError(error, channel, action) : error;
  }
  const { success } = parseGraphAnswer(successSchema, answer, channel);
  if (!success) throw refused(channel, action, undefined);
}

/** Errors that mean "Meta won't let us" (not our token, limits or a hiccup), said in the handover's terms. */
const REFUSAL_KINDS = new Set<GraphApiError["kind"]>(["PERMISSION_MISSING", "INVALID_REQUEST", "UNKNOWN"]);

function threadControlError(error: GraphApiError, channel: ChannelKey, action: ThreadControlAction): GraphApiError {
  if (!REFUSAL_KINDS.has(error.kind)) return error;
  return refused(channel, action, error);
}

function refused(channel: ChannelKey, action: ThreadControlAction, cause: GraphApiError | undefined): GraphApiError {
  const label = channelLabel(channel);
  const what =
    action === "pass"
      ? `${label} did not let us hand this conversation back`
      : `${label} did not let us take over this conversation from the app that holds it`;
  const hint = action === "pass" ? "" : " Ask the app's owner to pass it, or check that this app may take threads in Meta's conversation routing settings.";
  return new GraphApiError({
    kind: "THREAD_CONTROL_DENIED",
    channel,
    userMessage: `${what}${cause?.metaMessage ? ` (${cause.metaMessage})` : ""}.${hint}`,
    httpStatus: cause?.httpStatus,
    code: cause?.code,
    subcode: cause?.subcode,
    metaMessage: cause?.metaMessage ?? "success: false",
    fbtraceId: cause?.fbtraceId,
  });
}
