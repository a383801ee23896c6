// Cross-site request forgery: every state-changing route, discovered from app/api so a new route is
// covered the day it lands, refuses requests a page on another origin (another site, a sibling
// subdomain, another port) can make with a signed-in admin's cookie, and stores nothing from them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instagramText, postWebhook } from "../../scripts/meta-sim/payloads";
import { startFakeGraph, type FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import { appSecretFor, channelEnv } from "../../scripts/bench/channel-env";
import { callApi } from "../helpers/api";
import { startApp, TEST_ADMIN, type RunningApp } from "../helpers/app";
import { countAllTables } from "../helpers/count-rows";
import { concretePath, listApiRoutes } from "../helpers/routes";
import { signIn } from "../helpers/session";
import { waitUntil } from "../helpers/wait-until";

const EXEMPT = ["/api/auth/", "/api/webhooks/", "/api/v1/"];
const stateChangingCalls = listApiRoutes().flatMap((route) =>
  EXEMPT.some((prefix) => route.pattern.startsWith(prefix))
    ? []
    : route.methods.filter(({ method }) => method !== "GET").map(({ method }) => ({ method, pattern: route.pattern })),
);

/** A body every route would act on if it got through: a new admin, a reply, a note, a blocklist entry… */
const PAYLOAD = JSON.stringify({
  name: "Mallory",
  email: "mallory@evil.example",
  password: "mallory-password-1",
  role: "ADMIN",
  text: "Forged reply",
  channel: "instagram",
  value: "someone",
  status: "ARCHIVED",
});

describe("cross-origin requests", () => {
  let graph: FakeGraph;
  let app: RunningApp;
  let cookie: string;
  let conversationId: string;

  beforeAll(async () => {
    graph = await startFakeGraph({ port: 0 });
    app = await startApp({ env: channelEnv(graph.url) });
    cookie = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const delivered = await postWebhook({ appUrl: app.url, channel: "instagram", payload: instagramText(), appSecret: appSecretFor("instagram") });
    expect(delivered.status).toBe(200);
    await waitUntil(async () => {
      conversationId = (await callApi(app.url, cookie, "GET", "/api/inbox/conversations")).body?.conversations?.[0]?.id;
      return Boolean(conversationId);
    }, "the delivered conversation");
  });
  afterAll(async () => {
    await app?.stop();
    await graph?.close();
  });

  it("finds the state-changing routes to check", () => {
    expect(stateChangingCalls.length).toBeGreaterThan(10);
  });

  const attacks: { name: string; headers: Record<string, string> }[] = [
    { name: "text/plain from another site", headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site", "content-type": "text/plain;charset=UTF-8" } },
    { name: "a form from a sibling subdomain", headers: { origin: "http://evil.127.0.0.1.nip.io", "sec-fetch-site": "same-site", "content-type": "application/x-www-form-urlencoded" } },
    { name: "a multipart form from another port", headers: { origin: "http://127.0.0.1:1", "content-type": "multipart/form-data; boundary=x" } },
    { name: "JSON from a sandboxed frame", headers: { origin: "null", "content-type": "application/json" } },
    { name: "text/plain that claims to be same-origin", headers: { "sec-fetch-site": "same-origin", "content-type": "text/plain" } },
  ];

  for (const attack of attacks) {
    it(`answers 403 to ${attack.name} on every state-changing route, and changes nothing`, async () => {
      const before = await countAllTables(app);
      const failures: string[] = [];
      for (const { method, pattern } of stateChangingCalls) {
        const res = await fetch(`${app.url}${concretePath(pattern, conversationId)}`, {
          method,
          headers: { cookie, ...attack.headers },
          body: PAYLOAD,
        });
        const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
        if (res.status !== 403 || body?.error?.code !== "FORBIDDEN" || typeof body.error.message !== "string") {
          failures.push(`${method} ${pattern} → ${res.status} ${JSON.stringify(body)}`);
        }
      }
      expect(failures).toEqual([]);
      expect(await countAllTables(app)).toEqual(before);
    });
  }

  it("refuses a cross-origin server action (the setup form) the same way", async () => {
    const res = await fetch(`${app.url}/setup`, {
      method: "POST",
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site", "next-action": "x", "content-type": "multipart/form-data; boundary=x" },
      body: "--x--",
    });
    expect(res.status).toBe(403);
  });

  it("still takes the same request from the app's own origin as JSON (the control)", async () => {
    const res = await fetch(`${app.url}/api/settings/users`, {
      method: "POST",
      headers: { cookie, origin: app.url, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      body: PAYLOAD,
    });
    expect(res.status).toBe(201);
    const list = await callApi(app.url, cookie, "GET", "/api/settings/users");
    expect(JSON.stringify(list.body)).toContain("mallory@evil.example");
  });
});
