import type { ChannelAdapter } from "../types";
import { messengerAccountSettings } from "./account-settings";
import { messengerCredentialsFromEnv } from "./credentials-from-env";
import { fetchMessengerProfile } from "./fetch-profile";
import { messengerMeta } from "./meta";
import { messengerOutboundMedia } from "./outbound-media";
import { sendApiMessage } from "../meta/messenger-platform";
import { sendSenderAction } from "../meta/sender-actions";
import { controlThread } from "../meta/thread-control";
import { parseMessengerWebhook } from "./parse-webhook";

export const messengerChannel: ChannelAdapter = {
  ...messengerMeta,
  webhookObject: "page",
  account: messengerAccountSettings,
  // Send API: "text must be UTF-8 and has a 2000 character limit".
  maxTextLength: 2000,
  credentialsFromEnv: messengerCredentialsFromEnv,
  parseWebhook: parseMessengerWebhook,
  sendText: (creds, { to, text, humanAgent }) => sendApiMessage("messenger", creds, { to, humanAgent, message: { text } }),
  outboundMedia: messengerOutboundMedia,
  // By URL (Meta downloads it, so it must be public); not reusable, as every reply attachment is sent
  // once. No caption: a caption goes as its own message.
  sendAttachment: (creds, { to, attachment, humanAgent }) =>
    sendApiMessage("messenger", creds, {
      to,
      humanAgent,
      message: { attachment: { type: attachment.kind, payload: { url: attachment.url, is_reusable: false } } },
    }),
  fetchProfile: (creds, psid) => fetchMessengerProfile(creds, psid),
  // History arrives by webhook only; nothing is back-filled from the Page's inbox.
  listConversations: async () => [],
  markSeen: (creds, { to }) => sendSenderAction(creds, "messenger", { to, action: "mark_seen" }),
  sendTyping: (creds, { to, on }) => sendSenderAction(creds, "messenger", { to, action: on ? "typing_on" : "typing_off" }),
  threadControl: (creds, action, input) => controlThread(creds, "messenger", action, input),
};
