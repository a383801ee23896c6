import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGraph, type FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import { DEMO_INSTAGRAM_ACCOUNT_ID, instagramText, postWebhook } from "../../scripts/meta-sim/payloads";
import { callApi } from "../helpers/api";
import { startApp, TEST_ADMIN, type RunningApp } from "../helpers/app";
import { signIn } from "../helpers/session";

// Settings against the real message pipeline: the blocklist and Replay seen through signed webhooks.
const APP_SECRET = "settings-pipeline-app-secret";
const SPAMMER = "7000000000000001";
const FAKE_GRAPH_PORT = 4402;

describe("settings: blocklist and replay through real webhooks", () => {
  let app: RunningApp;
  let graph: FakeGraph;
  let cookie: string;
  const call = (method: string, path: string, body?: unknown) => callApi(app.url, cookie, method, path, body);
  const deliver = async (payload: unknown) => {
    const res = await postWebhook({ appUrl: app.url, channel: "instagram", payload, appSecret: APP_SECRET });
    expect(res.status).toBe(200);
    return ((await res.json()) as { eventId: string }).eventId;
  };
  /** Webhooks are acknowledged first and processed after: wait for the log row to settle. */
  const settled = async (eventId: string) => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const { body } = await call("GET", "/api/settings/events?source=instagram&limit=100");
      const event = body.events.find((candidate: { id: string }) => candidate.id === eventId);
      if (event && event.status !== "RECEIVED") return event as { status: string; error: string | null };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`event ${eventId} was not processed`);
  };
  const inboxContacts = async () => {
    const { body } = await call("GET", "/api/inbox/conversations");
    return JSON.stringify(body);
  };

  beforeAll(async () => {
    graph = await startFakeGraph({ port: FAKE_GRAPH_PORT });
    graph.setProfile(SPAMMER, { name: "Spam Sam", username: "spam.sam" });
    app = await startApp({
      env: {
        META_GRAPH_API_URL: graph.url,
        INSTAGRAM_APP_SECRET: APP_SECRET,
        INSTAGRAM_VERIFY_TOKEN: "pipeline-verify-token",
        INSTAGRAM_PAGE_ID: DEMO_INSTAGRAM_ACCOUNT_ID,
        INSTAGRAM_ACCESS_TOKEN: "pipeline-access-token",
      },
    });
    cookie = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(async () => {
    await app?.stop();
    await graph?.close();
  });

  it("ignores a blocked sender's message, and a replay after unblocking brings it in exactly once", async () => {
    expect((await call("POST", "/api/settings/blocklist", { channel: "INSTAGRAM", identifier: SPAMMER })).status).toBe(201);
    const eventId = await deliver(instagramText({ senderId: SPAMMER, text: "Buy followers now" }));
    expect((await settled(eventId)).status).toBe("IGNORED");
    expect(await inboxContacts()).not.toContain("Buy followers now");

    expect((await call("DELETE", `/api/settings/blocklist/INSTAGRAM/${SPAMMER}`)).status).toBe(200);
    const replay = await call("POST", `/api/settings/events/${eventId}/replay`);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ status: "PROCESSED", stored: 1 });
    expect(await inboxContacts()).toContain("Buy followers now");

    // Processed now: Replay is refused, so nothing can be stored twice from the settings page.
    const again = await call("POST", `/api/settings/events/${eventId}/replay`);
    expect(again.status).toBe(409);
    const audit = await call("GET", "/api/settings/audit?scope=event");
    expect(audit.body.entries[0]).toMatchObject({ action: "event.replay", details: { from: "IGNORED", result: "PROCESSED", stored: 1 } });
  });

  it("hides the sender's existing conversation on block and shows it again on unblock", async () => {
    const blocked = await call("POST", "/api/settings/blocklist", { channel: "INSTAGRAM", identifier: "@spam.sam" });
    expect(blocked.status).toBe(201);
    expect(blocked.body.blocked).toMatchObject({ externalId: SPAMMER, hiddenConversations: 1 });
    expect(await inboxContacts()).not.toContain("Buy followers now");
    expect((await call("DELETE", `/api/settings/blocklist/INSTAGRAM/${SPAMMER}`)).status).toBe(200);
    expect(await inboxContacts()).toContain("Buy followers now");
  });

  it("shows a failed delivery's error, and replaying it reports the same failure", async () => {
    const broken = { object: "instagram", entry: [{ id: DEMO_INSTAGRAM_ACCOUNT_ID, time: Date.now(), messaging: [{ sender: {} }] }] };
    const eventId = await deliver(broken);
    const event = await settled(eventId);
    expect(event.status).toBe("FAILED");
    expect(event.error).toBeTruthy();
    const { body } = await call("GET", "/api/settings/events?status=FAILED");
    expect(body.counters.failed24h).toBe(1);
    const replay = await call("POST", `/api/settings/events/${eventId}/replay`);
    expect(replay.status).toBe(200);
    expect(replay.body.status).toBe("FAILED");
    expect((await call("POST", "/api/settings/events/no-such-event/replay")).status).toBe(404);
  });

  it("accepts Meta's GET handshake only with the verify token saved in Settings", async () => {
    const handshake = (token: string) =>
      fetch(`${app.url}/api/webhooks/instagram?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=42`);
    expect(await (await handshake("pipeline-verify-token")).text()).toBe("42");
    const saved = await call("PUT", "/api/settings/integrations/instagram", {
      enabled: true,
      accessToken: "pipeline-access-token-2",
      appSecret: APP_SECRET,
      webhookVerifyToken: "token-from-settings",
      pageId: DEMO_INSTAGRAM_ACCOUNT_ID,
    });
    expect(saved.status).toBe(200);
    expect((await handshake("token-from-settings")).status).toBe(200);
    expect((await handshake("pipeline-verify-token")).status).toBe(403);
  });
});
