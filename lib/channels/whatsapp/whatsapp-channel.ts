import type { ChannelAdapter } from "../types";
import { whatsappAccountSettings } from "./account-settings";
import { whatsappMeta } from "./meta";
import { whatsappCredentialsFromEnv } from "./credentials-from-env";
import { downloadWhatsAppMedia } from "./download-media";
import { listWhatsAppTemplates } from "./list-templates";
import { markWhatsAppRead } from "./mark-read";
import { whatsappOutboundMedia } from "./outbound-media";
import { parseWhatsAppWebhook } from "./parse-webhook";
import { sendWhatsAppAttachment, sendWhatsAppTemplate, sendWhatsAppText } from "./send-message";

export const whatsappChannel: ChannelAdapter = {
  ...whatsappMeta,
  webhookObject: "whatsapp_business_account",
  account: whatsappAccountSettings,
  // Cloud API text messages: `text.body`, at most 4,096 characters.
  maxTextLength: 4096,
  credentialsFromEnv: whatsappCredentialsFromEnv,
  parseWebhook: parseWhatsAppWebhook,
  sendText: (creds, input) => sendWhatsAppText(creds, input),
  outboundMedia: whatsappOutboundMedia,
  sendAttachment: (creds, input) => sendWhatsAppAttachment(creds, input),
  // The Cloud API has no profile lookup; names arrive with each webhook in `contacts`.
  fetchProfile: async () => null,
  // Nor any history: the inbox only knows what arrived by webhook or was sent from here.
  listConversations: async () => [],
  // Both need the customer's message id: without one there is nothing to mark or type under.
  markSeen: async (creds, { lastInboundExternalId }) => {
    if (lastInboundExternalId) await markWhatsAppRead(creds, { messageId: lastInboundExternalId });
  },
  // No "typing off" on WhatsApp: the indicator ends when we reply, or after 25 s.
  sendTyping: async (creds, { lastInboundExternalId, on }) => {
    if (on && lastInboundExternalId) await markWhatsAppRead(creds, { messageId: lastInboundExternalId, typing: true });
  },
  templates: {
    list: (creds) => listWhatsAppTemplates(creds),
    send: (creds, input) => sendWhatsAppTemplate(creds, input),
  },
  media: {
    download: (creds, mediaId, options) => downloadWhatsAppMedia(creds, mediaId, options),
  },
};
