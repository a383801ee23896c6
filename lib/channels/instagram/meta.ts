import type { ChannelMeta } from "../channel-meta";

const HOUR_MS = 60 * 60 * 1000;

export const instagramMeta = {
  key: "instagram",
  dbChannel: "INSTAGRAM",
  label: "Instagram",
  nativeAppLabel: "Sent from the Instagram app",
  accentClass: "text-pink-600",
  iconPaths: [
    "M8 3h8a5 5 0 0 1 5 5v8a5 5 0 0 1-5 5H8a5 5 0 0 1-5-5V8a5 5 0 0 1 5-5z",
    "M16 12a4 4 0 1 1-8 0a4 4 0 1 1 8 0z",
    "M17.5 6.5h.01",
  ],
  messagingWindow: { freeFormMs: 24 * HOUR_MS, humanAgentMs: 7 * 24 * HOUR_MS },
  envNames: ["INSTAGRAM_VERIFY_TOKEN", "INSTAGRAM_APP_SECRET", "INSTAGRAM_PAGE_ID", "INSTAGRAM_ACCESS_TOKEN"],
  // standby / messaging_handovers: conversations a chatbot holds (lib/handover).
  webhookFields: ["messages", "messaging_postbacks", "messaging_seen", "message_reactions", "message_edit", "standby", "messaging_handovers"],
  maxAccounts: 9,
  accountFields: ["instagramAccountId", "pageId"],
  accountFieldLabels: { pageId: "Facebook page id (optional)" },
  humanAgentTag: true,
  identifierHint: "the Instagram-scoped id or @username",
} as const satisfies ChannelMeta;
