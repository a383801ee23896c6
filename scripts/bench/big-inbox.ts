// The inbox after years of use: first page of the list, a search, and the first page of a 5k-message
// thread, timed sequentially (one request at a time, so the figure is the server's, not a queue's).
import { percentile, timeRequests } from "./stats";
import type { BigInbox } from "./generate-big-inbox";

export interface InboxFigures {
  listP95: number;
  /** By contact name. */
  searchP95: number;
  /** A word only in a few messages' text: the search has to reach message text. */
  textSearchP95: number;
  threadP95: number;
  samples: number;
}

export async function benchBigInbox(appUrl: string, cookie: string, inbox: BigInbox, samples = 100): Promise<InboxFigures> {
  const get = (path: string) => () => fetch(`${appUrl}${path}`, { headers: { cookie } });
  const list = await timeRequests(samples, get("/api/inbox/conversations"));
  const search = await timeRequests(samples, get(`/api/inbox/conversations?q=${encodeURIComponent(inbox.searchTerm)}`));
  const textSearch = await timeRequests(samples, get(`/api/inbox/conversations?q=${encodeURIComponent(inbox.textSearchTerm)}`));
  const thread = await timeRequests(samples, get(`/api/inbox/conversations/${inbox.bigThreadId}/messages`));
  return { listP95: percentile(list, 95), searchP95: percentile(search, 95),
    textSearchP95: percentile(textSearch, 95),
    threadP95: percentile(thread, 95), samples };
}
