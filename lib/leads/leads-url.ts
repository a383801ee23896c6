import { LEAD_STATUSES, type LeadStatusValue } from "@/lib/inbox/constants";
import { LEAD_CHANNELS, LEAD_SORTS, LEAD_SOURCES, type LeadChannel, type LeadSort, type LeadSourceFilter } from "@/lib/leads/constants";

/**
 * The /leads page's state in its URL (view, filters, sort), so a link shares the same view and
 * Back from a conversation returns to it. The same state builds the API queries, so the board,
 * the table and "Export CSV" always ask for the same leads.
 */
export interface LeadsUrlState {
  view: "board" | "table";
  /** Table only: the board shows every stage as a column. */
  status: LeadStatusValue[];
  /** "" (everyone's), "me", "none" (unowned) or a user id. */
  owner: string;
  channel: LeadChannel | "";
  source: LeadSourceFilter | "";
  q: string;
  /** Last contact range, UTC days as yyyy-mm-dd. */
  from: string;
  to: string;
  sort: LeadSort;
  /** Leads with a conversation carrying this label (its id); absent for any. */
  label?: string;
}

/** The table's page size; the server page loads the first page with it so the client's key matches. */
export const LEADS_PAGE_SIZE = 50;

export const DEFAULT_LEADS_STATE: LeadsUrlState = { view: "board", status: [], owner: "", channel: "", source: "", q: "", from: "", to: "", sort: "lastContactAt" };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, name: string): string {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return ((Array.isArray(value) ? value[0] : value) ?? "").trim();
}

function oneOf<T extends string>(value: string, allowed: readonly T[], fallback: T | ""): T | "" {
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Lenient: whatever a hand-edited URL gets wrong falls back to the default instead of failing. */
export function parseLeadsUrl(params: Params): LeadsUrlState {
  const owner = read(params, "owner");
  const label = read(params, "label");
  return {
    view: read(params, "view") === "table" ? "table" : "board",
    status: read(params, "status").split(",").filter((status): status is LeadStatusValue => (LEAD_STATUSES as readonly string[]).includes(status)),
    owner: /^[\w-]{1,100}$/.test(owner) ? owner : "",
    channel: oneOf(read(params, "channel"), LEAD_CHANNELS, ""),
    source: oneOf(read(params, "source"), LEAD_SOURCES, ""),
    q: read(params, "q").slice(0, 100),
    from: DAY.test(read(params, "from")) ? read(params, "from") : "",
    to: DAY.test(read(params, "to")) ? read(params, "to") : "",
    sort: oneOf(read(params, "sort"), LEAD_SORTS, "lastContactAt") || "lastContactAt",
    ...(/^[\w-]{1,100}$/.test(label) ? { label } : {}),
  };
}

export function leadsHref(state: LeadsUrlState): string {
  const search = new URLSearchParams();
  if (state.view !== "board") search.set("view", state.view);
  if (state.status.length) search.set("status", state.status.join(","));
  for (const key of ["owner", "channel", "source", "q", "from", "to", "label"] as const) if (state[key]) search.set(key, state[key]);
  if (state.sort !== "lastContactAt") search.set("sort", state.sort);
  const query = search.toString();
  return query ? `/leads?${query}` : "/leads";
}

/** The API's query for this state: `board` leaves out the stage filter (every column shows). */
export function leadsApiQuery(state: LeadsUrlState, options: { board?: boolean } = {}): URLSearchParams {
  const search = new URLSearchParams();
  if (state.status.length && !options.board) search.set("status", state.status.join(","));
  if (state.owner) search.set("ownerId", state.owner);
  if (state.channel) search.set("channel", state.channel);
  if (state.source) search.set("source", state.source);
  if (state.label) search.set("label", state.label);
  if (state.q) search.set("q", state.q);
  if (state.from) search.set("lastContactFrom", `${state.from}T00:00:00.000Z`);
  if (state.to) search.set("lastContactTo", `${state.to}T23:59:59.999Z`);
  search.set("sort", state.sort);
  return search;
}

/** For the filter inputs' parse on the server: the same values the API route would be given. */
export function leadsApiParams(state: LeadsUrlState, options: { board?: boolean } = {}): Record<string, string> {
  return Object.fromEntries(leadsApiQuery(state, options).entries());
}
