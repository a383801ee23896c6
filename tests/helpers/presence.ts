// A tab's presence stream (GET /api/inbox/conversations/[id]/presence), read as the browser does.

export interface PresenceStream {
  frames: Array<{ viewers: Array<{ userId: string; userName: string; typing: boolean }> }>;
  status: number;
  close(): void;
}

/** Opens a tab's presence stream and collects its frames (each the whole list of other viewers). */
export async function openPresence(appUrl: string, as: string, conversationId: string, connectionId: string): Promise<PresenceStream> {
  const controller = new AbortController();
  const res = await fetch(`${appUrl}/api/inbox/conversations/${conversationId}/presence?connectionId=${connectionId}`, {
    headers: { cookie: as, accept: "text/event-stream" },
    signal: controller.signal,
  });
  const frames: PresenceStream["frames"] = [];
  if (res.ok) {
    void (async () => {
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const data = buffer.slice(0, end).split("\n").find((line) => line.startsWith("data:"));
          buffer = buffer.slice(end + 2);
          if (data) frames.push(JSON.parse(data.slice(5)));
        }
      }
    })().catch(() => {});
  }
  return { frames, status: res.status, close: () => controller.abort() };
}

