import type { DbChannel, MessagingWindow } from "./types";

/**
 * What the rest of the app knows about a channel without talking to Meta: names, looks, the
 * messaging window, env names and which account ids its settings card asks for. Plain data with
 * type-only imports, so client components import it (through lib/channels/catalog.ts) without
 * pulling the Graph client into the browser.
 */
export interface ChannelMeta {
  key: string;
  dbChannel: DbChannel;
  label: string;
  /** How the thread names the other app a business sent from ("Sent from the Instagram app"). */
  nativeAppLabel: string;
  /** Tailwind text colour of the channel's icon badge. */
  accentClass: string;
  /** The icon, as stroke paths in a 24×24 box (no icon library in the inbox bundle). */
  iconPaths: readonly string[];
  /** Free-form replies after the customer's last message, and with the HUMAN_AGENT tag (when the channel has it). */
  messagingWindow: MessagingWindow;
  /** Every env variable the channel reads (validated as optional strings by lib/env.ts). */
  envNames: readonly string[];
  /** Webhook fields to subscribe to in Meta's App Dashboard. */
  webhookFields: readonly string[];
  /** How many accounts of this channel can be connected: 1, or Instagram's 9 ("instagram-2" … "instagram-9"). */
  maxAccounts: number;
  /** The account ids the settings card asks for, in order. */
  accountFields: readonly AccountField[];
  /** Where the card words an id differently from ACCOUNT_FIELD_LABELS. */
  accountFieldLabels?: Partial<Record<AccountField, string>>;
  /** Whether an admin may turn on Meta's HUMAN_AGENT tag (7-day window) for this channel. */
  humanAgentTag: boolean;
  /** For the blocklist form: which identifiers find a customer. */
  identifierHint: string;
}

export type AccountField = "pageId" | "instagramAccountId" | "phoneNumberId" | "businessAccountId";

export const ACCOUNT_FIELD_LABELS: Record<AccountField, string> = {
  pageId: "Page id",
  instagramAccountId: "Instagram account id",
  phoneNumberId: "Phone number id",
  businessAccountId: "WhatsApp Business Account id",
};
