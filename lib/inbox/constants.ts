/**
 * The inbox's fixed vocabularies, zod-free so client components can import them without pulling
 * zod into the browser bundle (lib/validations builds its schemas from these).
 */
import { CHANNEL_KEYS, type ChannelKey } from "@/lib/channels/catalog";

/** "all", then one tab per channel in the catalog's order. */
export const INBOX_TABS = ["all", ...CHANNEL_KEYS] as const;
export type InboxTab = "all" | ChannelKey;

export const INBOX_FILTERS = ["open", "unread", "mine", "waiting", "window-closing", "snoozed", "archived"] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

/** The list's order: newest activity first, or the customer who has waited longest first. */
export const INBOX_SORTS = ["recent", "waiting"] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export const LEAD_STATUSES = ["NEW", "CONTACTED", "QUALIFIED", "WON", "LOST"] as const;
export type LeadStatusValue = (typeof LEAD_STATUSES)[number];
