import { describe, expect, it } from "vitest";
import type { ConversationItemJson, ConversationPageJson } from "@/lib/inbox/api-types";
import { markReadInPages } from "./conversation-pages";

const item = (id: string, channel: "INSTAGRAM" | "WHATSAPP" | "MESSENGER", unreadCount: number) => ({ id, channel, unreadCount }) as ConversationItemJson;
const page = (conversations: ConversationItemJson[]): ConversationPageJson =>
  ({ conversations, nextCursor: null, unreadCounts: { all: 4, instagram: 1, whatsapp: 2, messenger: 1 } }) as unknown as ConversationPageJson;

describe("markReadInPages", () => {
  it("clears the conversation's badge and lowers its tab's count and the total", () => {
    const pages = [page([item("a", "INSTAGRAM", 1)]), page([item("b", "WHATSAPP", 2)])];
    const next = markReadInPages(pages, "b")!;
    expect(next[1].conversations[0].unreadCount).toBe(0);
    expect(next[0].unreadCounts).toEqual({ all: 3, instagram: 1, whatsapp: 1, messenger: 1 });
  });

  it("takes a Messenger conversation off the Messenger tab, not off Instagram's", () => {
    const next = markReadInPages([page([item("m", "MESSENGER", 1)])], "m")!;
    expect(next[0].unreadCounts).toEqual({ all: 3, instagram: 1, whatsapp: 2, messenger: 0 });
  });

  it("returns the same pages when the conversation is already read or not loaded", () => {
    const pages = [page([item("a", "INSTAGRAM", 0)])];
    expect(markReadInPages(pages, "a")).toBe(pages);
    expect(markReadInPages(pages, "zzz")).toBe(pages);
    expect(markReadInPages(undefined, "a")).toBeUndefined();
  });
});
