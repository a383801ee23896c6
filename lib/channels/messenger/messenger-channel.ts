import type { ChannelAdapter } from "../types";
import { messengerAccountSettings } from "./account-settings";
import { messengerCredentialsFromEnv } from "./credentials-from-env";
import { fetchMessengerProfile } from "./fetch-profile";
import { messengerMeta } from "./meta";
import { messengerOutboundMedia } from "./outbound-media";
import { sendSenderAction } from "../meta/sender-actions";
import { controlThread } from "../meta/thread-control";
import { parseMessengerWebhook } from "./parse-webhook";
import { sendMessengerAttachment, sendMessengerText } from "./send-message";

export const messengerChannel: ChannelAdapter = {
  ...messengerMeta,
  webhookObject: "page",
  account: messengerAccountSettings,
  // Send API: "text must be UTF-8 and has a 2000 character limit".
  maxTextLength: 2000,
  credentialsFromEnv: messengerCredentialsFromEnv,
  parseWebhook: parseMessengerWebhook,
  sendText: (creds, input) => sendMessengerText(creds, input),
  outboundMedia: messengerOutboundMedia,
  sendAttachment: (creds, input) => sendMessengerAttachment(creds, input),
  fetchProfile: (creds, psid) => fetchMessengerProfile(creds, psid),
  // History arrives by webhook only; nothing is back-filled from the Page's inbox.
  listConversations: async () => [],
  markSeen: (creds, { to }) => sendSenderAction(creds, "messenger", { to, action: "mark_seen" }),
  sendTyping: (creds, { to, on }) => sendSenderAction(creds, "messenger", { to, action: on ? "typing_on" : "typing_off" }),
  threadControl: (creds, action, input) => controlThread(creds, "messenger", action, input),
};
