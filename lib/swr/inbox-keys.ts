import type { InboxFilter, InboxSort, InboxTab } from "@/lib/inbox/constants";

/**
 * SWR keys for the inbox, shared by the hooks, the live-update handler and the server page (which
 * seeds the cache under the same keys so the first screen needs no client fetch).
 */
export const CONVERSATIONS_PAGE_SIZE = 30;
export const MESSAGES_PAGE_SIZE = 50;

export interface ListParams {
  channel: InboxTab;
  filter: InboxFilter;
  q: string;
  label?: string | null;
  sort?: InboxSort;
}

export function conversationsPageKey(params: ListParams, cursor: string | null): string {
  const search = new URLSearchParams({ channel: params.channel, filter: params.filter });
  if (params.q) search.set("q", params.q);
  if (params.label) search.set("label", params.label);
  if (params.sort && params.sort !== "recent") search.set("sort", params.sort);
  search.set("limit", String(CONVERSATIONS_PAGE_SIZE));
  if (cursor) search.set("cursor", cursor);
  return `/api/inbox/conversations?${search}`;
}

export function conversationKey(id: string): string {
  return `/api/inbox/conversations/${id}`;
}

export function messagesPageKey(conversationId: string, cursor: string | null): string {
  return `/api/inbox/conversations/${conversationId}/messages?limit=${MESSAGES_PAGE_SIZE}${cursor ? `&cursor=${cursor}` : ""}`;
}
