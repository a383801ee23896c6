import type { ChannelMeta } from "../channel-meta";

const HOUR_MS = 60 * 60 * 1000;

export const messengerMeta = {
  key: "messenger",
  dbChannel: "MESSENGER",
  label: "Messenger",
  nativeAppLabel: "Sent from the Page's inbox on Facebook",
  accentClass: "text-blue-600",
  // A speech bubble with Messenger's lightning zig-zag.
  iconPaths: ["M12 3a9 8.5 0 0 0-5 15.6V21l2.6-1.4A9 8.5 0 1 0 12 3z", "M7.5 13.5l3-3.2 2.2 2 3.8-2.8-3 3.2-2.2-2z"],
  // Send API: RESPONSE within 24 h of the customer's message; MESSAGE_TAG HUMAN_AGENT up to 7 days.
  messagingWindow: { freeFormMs: 24 * HOUR_MS, humanAgentMs: 7 * 24 * HOUR_MS },
  envNames: ["MESSENGER_VERIFY_TOKEN", "MESSENGER_APP_SECRET", "MESSENGER_PAGE_ID", "MESSENGER_ACCESS_TOKEN"],
  webhookFields: ["messages", "messaging_postbacks", "messaging_referrals", "message_deliveries", "message_reads", "message_reactions", "message_echoes", "standby", "messaging_handovers"],
  maxAccounts: 1,
  accountFields: ["pageId"],
  humanAgentTag: true,
  identifierHint: "the Page-scoped id",
} as const satisfies ChannelMeta;
