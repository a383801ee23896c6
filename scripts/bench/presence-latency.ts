// Collision detection: a teammate's typing report → the change on my presence stream, next to the
// live update of a new message (webhook → inbox stream) measured in the same run, so the figure is
// a ratio on whatever machine runs it. Also counts what presence adds to the inbox stream: nothing.
import { instagramText, postWebhook } from "../meta-sim/payloads";
import { appSecretFor } from "./channel-env";
import { benchLiveLatency } from "./live-latency";
import { openSse } from "./sse-client";

export interface PresenceFigures {
  typingLatencies: number[];
  liveLatencies: number[];
  /** Events the inbox stream carried while the typing reports ran (presence must add none). */
  inboxEventsDuringTyping: number;
}

type Frame = { viewers?: Array<{ typing: boolean }> };
const typingIs = (typing: boolean) => (frame: unknown) => (frame as Frame).viewers?.[0]?.typing === typing;

export async function benchPresence(appUrl: string, adminCookie: string, agentCookie: string, samples: number): Promise<PresenceFigures> {
  const senderId = "8700000000000015";
  const delivered = await postWebhook({ appUrl, channel: "instagram", payload: instagramText({ senderId, text: "Presence bench" }), appSecret: appSecretFor("instagram") });
  if (delivered.status !== 200) throw new Error(`Webhook answered HTTP ${delivered.status}`);
  const conversationId = await findConversation(appUrl, adminCookie, "Presence bench");

  const presence = (cookie: string, connectionId: string) => openSse(`${appUrl}/api/inbox/conversations/${conversationId}/presence?connectionId=${connectionId}`, cookie);
  const agentTab = await presence(agentCookie, "bench-agent-tab");
  const adminTab = await presence(adminCookie, "bench-admin-tab");
  const inbox = await openSse(`${appUrl}/api/inbox/events`, agentCookie);
  const typingLatencies: number[] = [];
  let inboxEventsDuringTyping = 0;
  try {
    await agentTab.next((frame) => (frame as Frame).viewers?.length === 1, 5_000);
    for (let i = 0; i < samples; i++) {
      const typing = i % 2 === 0;
      const started = performance.now();
      const res = await fetch(`${appUrl}/api/inbox/conversations/${conversationId}/presence`, {
        method: "POST",
        headers: { cookie: adminCookie, "Content-Type": "application/json", origin: appUrl, "sec-fetch-site": "same-origin" },
        body: JSON.stringify({ connectionId: "bench-admin-tab", typing }),
      });
      if (res.status !== 204) throw new Error(`Presence report answered HTTP ${res.status}`);
      await agentTab.next(typingIs(typing), 5_000);
      typingLatencies.push(performance.now() - started);
    }
    inboxEventsDuringTyping = await countPending(inbox);
  } finally {
    inbox.close();
    adminTab.close();
    agentTab.close();
  }
  const liveLatencies = await benchLiveLatency(appUrl, adminCookie, samples, ["instagram"]);
  return { typingLatencies, liveLatencies, inboxEventsDuringTyping };
}

async function findConversation(appUrl: string, cookie: string, q: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const res = await fetch(`${appUrl}/api/inbox/conversations?q=${encodeURIComponent(q)}`, { headers: { cookie } });
    const id = ((await res.json()) as { conversations?: Array<{ id: string }> }).conversations?.[0]?.id;
    if (id) return id;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The bench conversation never appeared");
}

async function countPending(stream: Awaited<ReturnType<typeof openSse>>): Promise<number> {
  let count = 0;
  try {
    for (;;) {
      await stream.next(() => true, 300);
      count++;
    }
  } catch {
    return count;
  }
}
