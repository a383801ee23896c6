import type { ChannelAdapter } from "../types";
import { instagramAccountSettings } from "./account-settings";
import { instagramMeta } from "./meta";
import { instagramCredentialsFromEnv } from "./credentials-from-env";
import { fetchInstagramProfile } from "./fetch-profile";
import { listInstagramConversations } from "./list-conversations";
import { instagramOutboundMedia } from "./outbound-media";
import { sendApiMessage } from "../meta/messenger-platform";
import { sendSenderAction } from "../meta/sender-actions";
import { controlThread } from "../meta/thread-control";
import { parseInstagramWebhook } from "./parse-webhook";

export const instagramChannel: ChannelAdapter = {
  ...instagramMeta,
  webhookObject: "instagram",
  account: instagramAccountSettings,
  // Send API: "text must be UTF-8 and less than 1000 characters".
  maxTextLength: 1000,
  credentialsFromEnv: instagramCredentialsFromEnv,
  parseWebhook: parseInstagramWebhook,
  sendText: (creds, { to, text, humanAgent }) => sendApiMessage("instagram", creds, { to, humanAgent, message: { text } }),
  outboundMedia: instagramOutboundMedia,
  // By URL (Meta fetches it, so it must be public). No caption: a caption goes as its own message.
  sendAttachment: (creds, { to, attachment, humanAgent }) =>
    sendApiMessage("instagram", creds, { to, humanAgent, message: { attachment: { type: attachment.kind, payload: { url: attachment.url } } } }),
  fetchProfile: (creds, participantId) => fetchInstagramProfile(creds, participantId),
  listConversations: (creds, options) => listInstagramConversations(creds, options),
  markSeen: (creds, { to }) => sendSenderAction(creds, "instagram", { to, action: "mark_seen" }),
  sendTyping: (creds, { to, on }) => sendSenderAction(creds, "instagram", { to, action: on ? "typing_on" : "typing_off" }),
  threadControl: (creds, action, input) => controlThread(creds, "instagram", action, input),
};
