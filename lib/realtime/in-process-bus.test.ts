import { describe, expect, it } from "vitest";
import { createInProcessBus } from "./in-process-bus";
import type { InboxEvent } from "./types";

describe("in-process bus", () => {
  it("delivers to every subscriber until it unsubscribes", async () => {
    const bus = createInProcessBus();
    const first: InboxEvent[] = [];
    const second: InboxEvent[] = [];
    const stopFirst = bus.subscribe((event) => first.push(event));
    bus.subscribe((event) => second.push(event));
    await bus.publish({ type: "conversation.updated", conversationId: "c1", channel: "instagram" });
    stopFirst();
    await bus.publish({ type: "message.created", conversationId: "c1", messageId: "m1", channel: "instagram" });
    expect(first).toHaveLength(1);
    expect(second.map((event) => event.type)).toEqual(["conversation.updated", "message.created"]);
  });
});
