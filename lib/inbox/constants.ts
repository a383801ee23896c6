/**
 * The inbox's fixed vocabularies, zod-free so client components can import them without pulling
 * zod into the browser bundle (lib/validations builds its schemas from these).
 */
export const INBOX_TABS = ["all", "whatsapp", "instagram"] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

export const INBOX_FILTERS = ["open", "unread", "mine", "waiting", "window-closing", "snoozed", "archived"] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

/** The list's order: newest activity first, or the customer who has waited longest first. */
export const INBOX_SORTS = ["recent", "waiting"] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export const LEAD_STATUSES = ["NEW", "CONTACTED", "QUALIFIED", "WON", "LOST"] as const;
export type LeadStatusValue = (typeof LEAD_STATUSES)[number];
