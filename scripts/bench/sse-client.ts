// A minimal server-sent-events reader over fetch: yields each `data:` payload as parsed JSON, so the
// benchmark and tests can watch /api/inbox/events as the browser's EventSource would.
export interface SseStream {
  /** Resolves with the next event for which `match` is true (events before it are skipped). */
  next(match?: (event: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  close(): void;
}

export async function openSse(url: string, cookie: string): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`SSE ${url} answered HTTP ${response.status}`);
  const queue: unknown[] = [];
  const waiter: { wake?: () => void } = {};
  let ended = false;

  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let boundary: number;
        while ((boundary = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary).replace(/^\r?\n\r?\n/, "");
          const data = block
            .split(/\r?\n/)
            .filter((line) => line.startsWith("data:"))
            .map((line) => line.slice(5).replace(/^ /, ""))
            .join("\n");
          if (data === "") continue;
          try {
            queue.push(JSON.parse(data));
          } catch {
            queue.push(data);
          }
          waiter.wake?.();
        }
      }
    } catch {
      // aborted by close()
    } finally {
      ended = true;
      waiter.wake?.();
    }
  })();

  const next = async (match: (event: unknown) => boolean = () => true, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (queue.length > 0) {
        const event = queue.shift();
        if (match(event)) return event;
      }
      if (ended) throw new Error("SSE stream ended");
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`No matching SSE event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        waiter.wake = () => {
          clearTimeout(timer);
          waiter.wake = undefined;
          resolve();
        };
      });
    }
  };
  return { next, close: () => controller.abort() };
}
