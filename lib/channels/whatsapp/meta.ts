import type { ChannelMeta } from "../channel-meta";

export const whatsappMeta = {
  key: "whatsapp",
  dbChannel: "WHATSAPP",
  label: "WhatsApp",
  nativeAppLabel: "Sent from the WhatsApp Business app",
  accentClass: "text-emerald-600",
  iconPaths: ["M3.5 20.5l1.3-4.2A8.5 8.5 0 1 1 8 19.4z", "M9 8.5c0 3.5 3 6.5 6.5 6.5l1-1.6-2-1-1 .9a5 5 0 0 1-2.3-2.3l.9-1-1-2z"],
  // No human-agent extension on WhatsApp: after 24 h only an approved template may be sent.
  messagingWindow: { freeFormMs: 24 * 60 * 60 * 1000 },
  envNames: ["WHATSAPP_VERIFY_TOKEN", "WHATSAPP_APP_SECRET", "WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_BUSINESS_ACCOUNT_ID", "WHATSAPP_ACCESS_TOKEN"],
  webhookFields: ["messages"],
  maxAccounts: 1,
  accountFields: ["phoneNumberId", "businessAccountId"],
  humanAgentTag: false,
  identifierHint: "the WhatsApp number with its country code",
} as const satisfies ChannelMeta;
