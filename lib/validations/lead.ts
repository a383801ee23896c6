import { z } from "zod";
import { LEAD_STATUSES } from "@/lib/inbox/constants";
import { LEAD_CHANNELS, LEAD_SORTS, LEAD_SOURCES } from "@/lib/leads/constants";

const id = z.string().trim().min(1).max(100);

/** `status=NEW,QUALIFIED`: each value must be a stage; duplicates are harmless. */
const statusList = z
  .string()
  .trim()
  .min(1)
  .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(z.enum(LEAD_STATUSES, { message: `Each status must be one of ${LEAD_STATUSES.join(", ")}` })).min(1));

/**
 * GET /api/leads and GET /api/leads/export — the same filters, so "Export CSV" writes exactly what
 * the table shows. `ownerId` is a user id, `me`, or `none` (unowned leads).
 */
export const leadFilterSchema = z.object({
  status: statusList.optional(),
  ownerId: id.optional(),
  channel: z.enum(LEAD_CHANNELS).optional(),
  source: z.enum(LEAD_SOURCES).optional(),
  /** Leads with a conversation carrying this label. */
  label: id.optional(),
  q: z.string().trim().max(100, "Keep the search under 100 characters").optional(),
  lastContactFrom: z.iso.datetime({ offset: true, message: "lastContactFrom must be an ISO date-time" }).optional(),
  lastContactTo: z.iso.datetime({ offset: true, message: "lastContactTo must be an ISO date-time" }).optional(),
  sort: z.enum(LEAD_SORTS).default("lastContactAt"),
});
export type LeadFilterQuery = z.infer<typeof leadFilterSchema>;

export const listLeadsQuerySchema = leadFilterSchema.extend({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListLeadsQuery = z.infer<typeof listLeadsQuerySchema>;

/** ISO 4217: three capital letters. */
const currency = z.string().trim().regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code such as EUR");

/** PATCH /api/leads/[id] — every field optional; at least one. `value` is in minor units (cents). */
export const updateLeadSchema = z
  .object({
    status: z.enum(LEAD_STATUSES).optional(),
    ownerId: id.nullable().optional(),
    value: z.number().int("Value is in minor units (whole cents)").min(0).max(1_000_000_000_000).nullable().optional(),
    currency: currency.optional(),
    name: z.string().trim().max(200, "Keep the name under 200 characters").nullable().optional(),
    lostReason: z.string().trim().max(500, "Keep the reason under 500 characters").nullable().optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "Nothing to change", path: ["(body)"] });
export type UpdateLeadInput = z.infer<typeof updateLeadSchema>;

/** POST /api/leads/[id]/merge — `leadId` is merged into the lead in the path; `status` chooses the stage to keep. */
export const mergeLeadSchema = z.object({ leadId: id, status: z.enum(LEAD_STATUSES).optional() }).strict();
export type MergeLeadInput = z.infer<typeof mergeLeadSchema>;

/** POST /api/leads/[id]/split — the contact (and its conversations) leaves for a lead of its own. */
export const splitLeadSchema = z.object({ contactId: id }).strict();
export type SplitLeadInput = z.infer<typeof splitLeadSchema>;

/** POST /api/leads/bulk — the table's bulk assign and bulk status change. */
export const bulkUpdateLeadsSchema = z
  .object({
    ids: z.array(id).min(1, "Pick at least one lead").max(500, "At most 500 leads at a time"),
    status: z.enum(LEAD_STATUSES).optional(),
    ownerId: id.nullable().optional(),
  })
  .strict()
  .refine((body) => body.status !== undefined || body.ownerId !== undefined, { message: "Nothing to change", path: ["(body)"] });
export type BulkUpdateLeadsInput = z.infer<typeof bulkUpdateLeadsSchema>;
