import { z } from "zod";
import { INBOX_FILTERS, INBOX_SORTS, INBOX_TABS, LEAD_STATUSES } from "@/lib/inbox/constants";

/**
 * GET /api/inbox/conversations — the same names the inbox keeps in its URL, so a shared link and
 * the API ask for the same thing. `filter` is one of the list's views (Open, Unread, Assigned to
 * me, Waiting, Window closing, Snoozed, Archived); all but the last two only show open conversations.
 * `sort=waiting` lists only waiting conversations, the longest wait first.
 */
export const listConversationsQuerySchema = z.object({
  channel: z.enum(INBOX_TABS).default("all"),
  filter: z.enum(INBOX_FILTERS).default("open"),
  sort: z.enum(INBOX_SORTS).default("recent"),
  q: z.string().trim().max(100, "Keep the search under 100 characters").optional(),
  /** Overrides the view's status: `status=SNOOZED` is the Snoozed view. */
  status: z.enum(["OPEN", "ARCHIVED", "SNOOZED"]).optional(),
  /** Only conversations carrying this label. */
  label: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ListConversationsQuery = z.infer<typeof listConversationsQuerySchema>;

/** GET /api/inbox/conversations/[id]/messages — newest page first; `cursor` asks for older ones. */
export const listMessagesQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListMessagesQuery = z.infer<typeof listMessagesQuerySchema>;

/** At most a year ahead: a date further out is more likely a typo than a plan. */
const MAX_SNOOZE_MS = 366 * 24 * 60 * 60 * 1000;

export const snoozedUntilSchema = z.iso
  .datetime({ offset: true, message: "snoozedUntil must be an ISO date-time" })
  .refine((value) => Date.parse(value) > Date.now(), "Pick a time in the future")
  .refine((value) => Date.parse(value) <= Date.now() + MAX_SNOOZE_MS, "Snooze for at most a year");

/** PATCH /api/inbox/conversations/[id] — every field optional; at least one. */
export const updateConversationSchema = z
  .object({
    status: z.enum(["OPEN", "ARCHIVED"]).optional(),
    assigneeId: z.string().trim().min(1).max(100).nullable().optional(),
    leadStatus: z.enum(LEAD_STATUSES).optional(),
    note: z.string().trim().min(1, "Write the note first").max(5000, "Keep notes under 5000 characters").optional(),
    /** Snooze until then (must be in the future); null wakes the conversation now. */
    snoozedUntil: snoozedUntilSchema.nullable().optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "Nothing to change",
    path: ["(body)"],
  });
export type UpdateConversationInput = z.infer<typeof updateConversationSchema>;
