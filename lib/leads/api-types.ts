import type { Json } from "@/lib/inbox/api-types";
import type { DuplicateSuggestion } from "@/lib/leads/find-duplicates";
import type { BoardColumn } from "@/lib/leads/get-board";
import type { Lead } from "@/lib/leads/lead-select";
import type { LeadPage } from "@/lib/leads/list-leads";

/** The leads API's JSON as the browser sees it (dates as ISO strings). */
export type LeadJson = Json<Lead>;
export type LeadPageJson = Json<LeadPage>;
export type BoardColumnJson = Json<BoardColumn>;
export interface BoardJson {
  columns: BoardColumnJson[];
}
export type DuplicateSuggestionJson = Json<DuplicateSuggestion>;
