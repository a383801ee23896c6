import { INBOX_FILTERS, INBOX_SORTS, INBOX_TABS, type InboxFilter, type InboxSort, type InboxTab } from "@/lib/inbox/constants";

/** The inbox's state in its URL — tab, view, search, open conversation — so links share and Back works. */
export interface InboxUrlState {
  channel: InboxTab;
  filter: InboxFilter;
  /** "waiting": the customer who has waited longest first (only waiting conversations). */
  sort?: InboxSort;
  q: string;
  /** Only conversations with this label (its id). */
  label?: string | null;
  conversationId: string | null;
}

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, name: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
}

/** Lenient: an unknown tab or view in a hand-edited URL falls back to the default instead of failing. */
export function parseInboxUrl(params: Params): InboxUrlState {
  const channel = read(params, "channel");
  const filter = read(params, "filter");
  const conversationId = read(params, "c");
  const label = read(params, "label");
  const sort = read(params, "sort");
  return {
    channel: (INBOX_TABS as readonly string[]).includes(channel ?? "") ? (channel as InboxTab) : "all",
    filter: (INBOX_FILTERS as readonly string[]).includes(filter ?? "") ? (filter as InboxFilter) : "open",
    q: (read(params, "q") ?? "").trim().slice(0, 100),
    conversationId: conversationId && /^[\w-]{1,100}$/.test(conversationId) ? conversationId : null,
    ...(label && /^[\w-]{1,100}$/.test(label) ? { label } : {}),
    ...(sort !== "recent" && (INBOX_SORTS as readonly string[]).includes(sort ?? "") ? { sort: sort as InboxSort } : {}),
  };
}

export function inboxHref(state: InboxUrlState): string {
  const search = new URLSearchParams();
  if (state.channel !== "all") search.set("channel", state.channel);
  if (state.filter !== "open") search.set("filter", state.filter);
  if (state.q) search.set("q", state.q);
  if (state.label) search.set("label", state.label);
  if (state.sort && state.sort !== "recent") search.set("sort", state.sort);
  if (state.conversationId) search.set("c", state.conversationId);
  const query = search.toString();
  return query ? `/inbox?${query}` : "/inbox";
}
