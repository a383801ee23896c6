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
    const reader = inboxEventStream(bus, abort.signal, 20).getReader();
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
});
