// Faults Meta, the disk and the process throw at us: the Graph API failing, stalling or throttling
// while replies are sent; the database locked under a webhook; the app killed mid-burst. The promise
// under test: every reply ends SENT or FAILED-with-a-reason within bounded time and can be retried,
// and no webhook is acknowledged and then lost.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instagramText, newInstagramMid, newWamid, postWebhook, whatsappText } from "../../scripts/meta-sim/payloads";
import { startFakeGraph, type FakeGraph, type FakeRule } from "../../scripts/fake-graph/start-fake-graph";
import { appSecretFor, channelEnv } from "../../scripts/bench/channel-env";
import { startApp, TEST_ADMIN, TEST_DATABASE, type RunningApp } from "../helpers/app";
import { countRows } from "../helpers/count-rows";
import { inPool } from "../helpers/fuzz-inputs";
import { signIn } from "../helpers/session";
import { waitUntil } from "../helpers/wait-until";

const CHANNELS = ["instagram", "whatsapp"] as const;
type ChannelKey = (typeof CHANNELS)[number];
const SEND = { method: "POST", pathIncludes: "/messages" };
/**
 * The app's Graph API deadline (META_GRAPH_API_TIMEOUT_MS, 10 s in production), short here so the
 * stalled-Meta case is not 10 s of waiting. The fake stalls for 40 s, far past both.
 */
const GRAPH_TIMEOUT_MS = 1_500;
/** A reply must settle well inside this, whatever Meta does. */
const REPLY_BOUND_MS = 25_000;

interface StoredMessage {
  id: string;
  status: string;
  error: string | null;
  text: string | null;
}

function delivery(channel: ChannelKey, customer: number, text: string) {
  const id = channel === "instagram" ? newInstagramMid() : newWamid(`3519200${String(customer).padStart(5, "0")}`);
  const payload =
    channel === "instagram"
      ? instagramText({ senderId: `61${String(customer).padStart(14, "0")}`, mid: id, text })
      : whatsappText({ from: `3519200${String(customer).padStart(5, "0")}`, wamid: id, text });
  return { id, payload };
}


describe("faults", () => {
  let graph: FakeGraph;
  let app: RunningApp;
  let cookie: string;
  const conversations = new Map<ChannelKey, string>();

  beforeAll(async () => {
    graph = await startFakeGraph({ port: 0 });
    app = await startApp({ env: { ...channelEnv(graph.url), META_GRAPH_API_TIMEOUT_MS: String(GRAPH_TIMEOUT_MS) } });
    cookie = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
    for (const channel of CHANNELS) {
      const { payload } = delivery(channel, 1, "Hello, is this available?");
      expect((await postWebhook({ appUrl: app.url, channel, payload, appSecret: appSecretFor(channel) })).status).toBe(200);
      await waitUntil(async () => {
        const res = await fetch(`${app.url}/api/inbox/conversations?channel=${channel}`, { headers: { cookie } });
        const id = ((await res.json()) as { conversations: { id: string }[] }).conversations[0]?.id;
        if (id) conversations.set(channel, id);
        return Boolean(id);
      }, `the ${channel} conversation`);
    }
  });
  afterAll(async () => {
    await app?.stop();
    await graph?.close();
  });

  async function reply(channel: ChannelKey, text: string) {
    const started = Date.now();
    const res = await fetch(`${app.url}/api/inbox/conversations/${conversations.get(channel)}/reply`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(REPLY_BOUND_MS + 5_000),
    });
    const body = (await res.json()) as { message?: StoredMessage; error?: { code: string; message: string } };
    return { status: res.status, body, elapsedMs: Date.now() - started };
  }

  const faults: { name: string; rule: FakeRule; /** The reply cannot have failed sooner than this. */ minMs?: number }[] = [
    { name: "answers 500", rule: { match: SEND, respond: { status: 500, body: { error: { message: "An unexpected error has occurred.", type: "OAuthException", code: 2, is_transient: true } } } } },
    // The deadline, not the fake's answer, ends it: the reply fails once the deadline has passed.
    { name: "times out", rule: { match: SEND, respond: { delayMs: 40_000 } }, minMs: GRAPH_TIMEOUT_MS },
    { name: "rate-limits", rule: { match: SEND, respond: { error: "rate-limit" } } },
  ];

  for (const fault of faults) {
    for (const channel of CHANNELS) {
      it(`${channel}: Graph API ${fault.name} → reply ends FAILED with a reason, in bounded time, and a retry sends it`, async () => {
        graph.reset();
        graph.program(fault.rule);
        const failed = await reply(channel, `Reply while the Graph API ${fault.name}`);
        // Bounded: the request's own abort (REPLY_BOUND_MS + 5 s) fails the test if the reply hangs; a
        // timed-out send ends with TIMEOUT, not with the fake's answer 40 s later. No speed threshold.
        expect(failed.elapsedMs).toBeGreaterThanOrEqual(fault.minMs ?? 0);
        if (fault.minMs) expect(failed.body.error?.code).toBe("TIMEOUT");
        expect(failed.status).toBe(502);
        expect(failed.body.error?.code).toEqual(expect.any(String));
        expect(failed.body.error?.message).toEqual(expect.any(String));
        const message = failed.body.message!;
        expect(message.status).toBe("FAILED");
        expect(message.error).toEqual(expect.stringMatching(/\S/));

        graph.reset();
        const retried = await fetch(`${app.url}/api/inbox/messages/${message.id}/retry`, {
          method: "POST",
          headers: { cookie },
          signal: AbortSignal.timeout(REPLY_BOUND_MS),
        });
        expect(retried.status).toBe(200);
        const { message: sent } = (await retried.json()) as { message: StoredMessage };
        expect(sent.id).toBe(message.id);
        expect(sent.status).toBe("SENT");
        expect(sent.error).toBeNull();
        expect(graph.requests().filter((request) => request.method === "POST" && request.path.endsWith("/messages"))).toHaveLength(1);
      }, 60_000);
    }
  }

  it.skipIf(TEST_DATABASE !== "sqlite")(
    "database locked past the busy timeout during a webhook → 503 (Meta retries) or stored later, never acknowledged and lost",
    async () => {
      const lock = new Database(app.databaseUrl.replace(/^file:/, ""));
      const outcomes: number[] = [];
      const sent: string[] = [];
      try {
        lock.exec("BEGIN IMMEDIATE");
        const released = new Promise((resolve) =>
          setTimeout(() => {
            lock.exec("ROLLBACK");
            resolve(undefined);
          }, 8_000),
        );
        await Promise.all(
          CHANNELS.map(async (channel) => {
            const { id, payload } = delivery(channel, 2, "Sent while the disk was busy");
            sent.push(id);
            const res = await postWebhook({ appUrl: app.url, channel, payload, appSecret: appSecretFor(channel), timeoutMs: 30_000 });
            outcomes.push(res.status);
            if (res.status !== 200) {
              expect(res.status).toBe(503);
              const body = (await res.json()) as { error: { code: string; message: string } };
              expect(body.error.code).toEqual(expect.any(String));
              await released;
              // Meta redelivers the same bytes later.
              const again = await postWebhook({ appUrl: app.url, channel, payload, appSecret: appSecretFor(channel) });
              expect(again.status).toBe(200);
            }
          }),
        );
        await released;
      } finally {
        if (lock.inTransaction) lock.exec("ROLLBACK");
        lock.close();
      }
      console.log(`[faults] webhook answers while the database was locked: ${outcomes.join(", ")}`);
      await waitUntil(
        async () => (await countRows(app, "Message", `"externalId" IN (?, ?)`, sent)) === sent.length,
        "the deliveries made during the lock to be stored",
      );
      expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    },
    60_000,
  );

  it("app killed (SIGKILL) mid-burst and restarted on the same database → every acknowledged event is stored", async () => {
    const env = { ...channelEnv(graph.url), EVENT_SWEEP_INTERVAL_MS: "1000" };
    const first = await startApp({ env });
    let second: RunningApp | undefined;
    try {
      const acknowledged: string[] = [];
      const burst = Array.from({ length: 400 }, (_, index) => delivery(CHANNELS[index % 2], 100 + (index % 40), `Burst ${index}`));
      let killed = false;
      await inPool(burst, 12, async ({ id, payload }, index) => {
        if (killed) return;
        const channel = CHANNELS[index % 2];
        try {
          const res = await postWebhook({ appUrl: first.url, channel, payload, appSecret: appSecretFor(channel), timeoutMs: 10_000 });
          if (res.status === 200) acknowledged.push(id);
        } catch {
          // connection reset by the kill: not acknowledged, Meta would redeliver
        }
        if (!killed && acknowledged.length >= 150) {
          killed = true;
          await first.crash();
        }
      });
      expect(killed).toBe(true);
      second = await startApp({ dataDir: first.dataDir, env: { ...env, DATABASE_URL: first.databaseUrl } });
      await waitUntil(
        async () => (await countRows(second!, "ExternalEventLog", `"status" = 'RECEIVED'`)) === 0,
        "the restarted app to process what the crash left",
        60_000,
      );
      const placeholders = acknowledged.map(() => "?").join(", ");
      const stored = await countRows(second, "Message", `"externalId" IN (${placeholders})`, acknowledged);
      expect(stored).toBe(acknowledged.length);
    } finally {
      await second?.stop();
      await first.stop();
    }
  }, 120_000);
});
