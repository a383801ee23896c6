import { unstable_serialize } from "swr/infinite";

/**
 * Reading SWR's cache keys without knowing how SWR spells them: useSWRInfinite stores a paged list
 * under a key derived from its first page's key, and `unstable_serialize` is SWR's public way to
 * derive it. Everything here goes through it, so an SWR upgrade that changes the encoding changes
 * nothing in the inbox.
 */
const INFINITE_MARK = unstable_serialize(() => "");

/** The cache key of a useSWRInfinite list whose first page is fetched from `firstPageKey`. */
export function infiniteCacheKey(firstPageKey: string): string {
  return unstable_serialize(() => firstPageKey);
}

/** A cache key split into "is it a paged list" and the URL it (or its first page) fetches. */
export function readCacheKey(cacheKey: string): { infinite: boolean; url: string } {
  return cacheKey.startsWith(INFINITE_MARK) && INFINITE_MARK.length > 0
    ? { infinite: true, url: cacheKey.slice(INFINITE_MARK.length) }
    : { infinite: false, url: cacheKey };
}
