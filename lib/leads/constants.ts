import { DB_CHANNELS } from "@/lib/channels/catalog";

/** The pipeline's vocabularies, zod-free so client components can import them (lib/validations builds on these). */
export const LEAD_SORTS = ["lastContactAt", "value", "createdAt"] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

/** `source` filter: `ad` is a click-to-message ad; `organic` is everything else (links, customers who just wrote). */
export const LEAD_SOURCES = ["ad", "organic"] as const;
export type LeadSourceFilter = (typeof LEAD_SOURCES)[number];

export const LEAD_CHANNELS = DB_CHANNELS;
export type LeadChannel = (typeof LEAD_CHANNELS)[number];

export const LEAD_STATUS_LABEL = { NEW: "New", CONTACTED: "Contacted", QUALIFIED: "Qualified", WON: "Won", LOST: "Lost" } as const;

/** Pipeline order: a merge keeps the later stage (WON and LOST both end the pipeline; WON ranks higher). */
export const LEAD_STAGE_RANK = { NEW: 0, CONTACTED: 1, QUALIFIED: 2, LOST: 3, WON: 4 } as const;
