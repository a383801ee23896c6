import { describe, expect, it } from "vitest";
import { infiniteCacheKey, readCacheKey } from "./infinite-cache-key";

describe("readCacheKey", () => {
  it("gives back the first page's URL of a paged list's key", () => {
    const key = infiniteCacheKey("/api/inbox/conversations?channel=all");
    expect(key).not.toBe("/api/inbox/conversations?channel=all");
    expect(readCacheKey(key)).toEqual({ infinite: true, url: "/api/inbox/conversations?channel=all" });
  });

  it("leaves a plain key alone", () => {
    expect(readCacheKey("/api/inbox/conversations/c1")).toEqual({ infinite: false, url: "/api/inbox/conversations/c1" });
  });
});
