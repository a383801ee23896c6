import { describe, expect, it } from "vitest";
import { createInProcessBus } from "./in-process-bus";
import { inboxEventStream } from "./sse-stream";

async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>) {
  const { value } = await reader.read();
  return new TextDecoder().decode(value);
}

describe("inboxEventStream", () => {
  it("sends a retry hint, bus events as data lines, heartbeats, and unsubscribes on abort", async () => {
    const bus = createInProcessBus();
    const abort = new AbortController();
    const reader = inboxEventStream(bus, abort.signal, { heartbeatMs: 20 }).getReader();
    expect(await readChunk(reader)).toMatch(/^retry: \d+\n/);
    await bus.publish({ type: "conversation.updated", conversationId: "c1", channel: "instagram" });
    expect(await readChunk(reader)).toBe(`data: {"type":"conversation.updated","conversationId":"c1","channel":"instagram"}\n\n`);
    expect(await readChunk(reader)).toMatch(/^: heartbeat \d+\n\n$/);
    abort.abort();
    let received = "";
    bus.subscribe(() => undefined);
    await bus.publish({ type: "conversation.updated", conversationId: "c2", channel: "whatsapp" });
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += new TextDecoder().decode(value);
    }
    expect(received).not.toContain("c2");
  });

  it("passes only what the filter allows, in publish order, even when an earlier check is slower", async () => {
    const bus = createInProcessBus();
    const abort = new AbortController();
    const slowFirst = async (event: { type: string; conversationId?: string }) => {
      if (event.conversationId === "visible-1") await new Promise((resolve) => setTimeout(resolve, 30));
      return event.conversationId !== "hidden";
    };
    const reader = inboxEventStream(bus, abort.signal, { heartbeatMs: 60_000, filter: slowFirst }).getReader();
    await readChunk(reader);
    for (const conversationId of ["visible-1", "hidden", "visible-2"]) await bus.publish({ type: "conversation.updated", conversationId, channel: "instagram" });
    const first = await readChunk(reader);
    const second = await readChunk(reader);
    expect([first, second].map((chunk) => JSON.parse(chunk.slice(6)).conversationId)).toEqual(["visible-1", "visible-2"]);
    abort.abort();
  });
});
