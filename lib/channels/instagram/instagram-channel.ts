import type { ChannelAdapter } from "../types";
import { instagramAccountSettings } from "./account-settings";
import { instagramMeta } from "./meta";
import { instagramCredentialsFromEnv } from "./credentials-from-env";
import { fetchInstagramProfile } from "./fetch-profile";
import { listInstagramConversations } from "./list-conversations";
import { instagramOutboundMedia } from "./outbound-media";
import { sendSenderAction } from "../meta/sender-actions";
import { controlThread } from "../meta/thread-control";
import { parseInstagramWebhook } from "./parse-webhook";
import { sendInstagramAttachment, sendInstagramText } from "./send-message";

export const instagramChannel: ChannelAdapter = {
  ...instagramMeta,
  webhookObject: "instagram",
  account: instagramAccountSettings,
  // Send API: "text must be UTF-8 and less than 1000 characters".
  maxTextLength: 1000,
  credentialsFromEnv: instagramCredentialsFromEnv,
  parseWebhook: parseInstagramWebhook,
  sendText: (creds, input) => sendInstagramText(creds, input),
  outboundMedia: instagramOutboundMedia,
  sendAttachment: (creds, input) => sendInstagramAttachment(creds, input),
  fetchProfile: (creds, participantId) => fetchInstagramProfile(creds, participantId),
  listConversations: (creds, options) => listInstagramConversations(creds, options),
  markSeen: (creds, { to }) => sendSenderAction(creds, "instagram", { to, action: "mark_seen" }),
  sendTyping: (creds, { to, on }) => sendSenderAction(creds, "instagram", { to, action: on ? "typing_on" : "typing_off" }),
  threadControl: (creds, action, input) => controlThread(creds, "instagram", action, input),
};
