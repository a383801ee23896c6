import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGraph, type FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import { callApi } from "../helpers/api";
import { startApp, TEST_ADMIN, type RunningApp } from "../helpers/app";
import { openAppDb } from "../helpers/app-db";
import { signIn } from "../helpers/session";

// Secrets typed into Settings are write-only: encrypted at rest, never in any answer, page or log.
const IG_TOKEN = "IGAAtest-instagram-access-token-plaintext-7Qx9";
const IG_SECRET = "instagram-app-secret-plaintext-a1b2c3d4";
const WA_TOKEN = "EAAtest-whatsapp-access-token-plaintext-Zz81";
const WA_SECRET = "whatsapp-app-secret-plaintext-e5f6a7b8";
const SECRETS = [IG_TOKEN, IG_SECRET, WA_TOKEN, WA_SECRET];

const FAKE_GRAPH_PORT = 4401;

describe("settings: secrets never leave the server", () => {
  let app: RunningApp;
  let graph: FakeGraph;
  let cookie: string;
  const call = (method: string, path: string, body?: unknown) => callApi(app.url, cookie, method, path, body);

  beforeAll(async () => {
    graph = await startFakeGraph({ port: FAKE_GRAPH_PORT });
    app = await startApp({ env: { META_GRAPH_API_URL: graph.url, APP_URL: "https://inbox.example.com" } });
    cookie = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(async () => {
    await app?.stop();
    await graph?.close();
  });

  it("saves both channels with their secrets", async () => {
    const instagram = await call("PUT", "/api/settings/integrations/instagram", {
      enabled: true,
      accessToken: IG_TOKEN,
      appSecret: IG_SECRET,
      webhookVerifyToken: "verify-me-instagram",
      instagramAccountId: "17841400000000001",
      humanAgentTag: true,
    });
    expect(instagram.status).toBe(200);
    const saved = JSON.parse(instagram.text).integration;
    expect(saved.accessToken).toEqual({ set: true, last4: "7Qx9" });
    expect(saved.appSecret).toEqual({ set: true, last4: "c3d4" });
    expect(saved.callbackUrl).toBe("https://inbox.example.com/api/webhooks/instagram");
    expect(saved.webhookFields).toContain("message_reactions");
    expect(saved.source).toBe("database");

    const whatsapp = await call("PUT", "/api/settings/integrations/whatsapp", {
      enabled: true,
      accessToken: WA_TOKEN,
      appSecret: WA_SECRET,
      webhookVerifyToken: "verify-me-whatsapp",
      phoneNumberId: "106540352242922",
      businessAccountId: "102290129340398",
    });
    expect(whatsapp.status).toBe(200);
  });

  it("keeps a stored secret when the form sends it empty, and uses it for the connection test", async () => {
    const resave = await call("PUT", "/api/settings/integrations/instagram", {
      enabled: true,
      webhookVerifyToken: "verify-me-instagram",
      instagramAccountId: "17841400000000001",
      graphApiVersion: "v22.0",
    });
    expect(resave.status).toBe(200);
    expect(JSON.parse(resave.text).integration.accessToken).toEqual({ set: true, last4: "7Qx9" });

    graph.reset();
    const test = await call("POST", "/api/settings/integrations/instagram/test");
    expect(test.status).toBe(200);
    expect(JSON.parse(test.text)).toMatchObject({ ok: true, connectedAs: "@demo.furniture (Demo Furniture Co)" });
    const [request] = graph.requests();
    expect(request.path).toBe("/v22.0/me");
    expect(request.headers.authorization).toBe(`Bearer ${IG_TOKEN}`);
    expect(request.query.access_token).toBeUndefined();

    const whatsapp = JSON.parse((await call("POST", "/api/settings/integrations/whatsapp/test")).text);
    expect(whatsapp).toMatchObject({ ok: true, connectedAs: "Demo Furniture Co (+1 555-078-3881)" });
  });

  it("reports an expired token as 'reconnect', records it, and raises the banner once it keeps failing", async () => {
    graph.program({ match: { pathIncludes: "/me" }, times: 3, respond: { error: "token-expired" } });
    const test = JSON.parse((await call("POST", "/api/settings/integrations/instagram/test")).text);
    expect(test.ok).toBe(false);
    expect(test.reconnect).toBe(true);
    expect(test.error).toMatch(/reconnect/i);
    const instagramCard = async () =>
      JSON.parse((await call("GET", "/api/settings/integrations")).text).integrations.find(
        (integration: { channel: string }) => integration.channel === "instagram",
      );
    expect(await instagramCard()).toMatchObject({ needsReconnect: false, tokenErrorCount: 1, lastError: expect.stringMatching(/expired/) });
    // One 190 can be a blip; three in a row (token-errors.ts) mean the token is dead.
    for (let attempt = 2; attempt <= 3; attempt++) await call("POST", "/api/settings/integrations/instagram/test");
    const instagram = await instagramCard();
    expect(instagram.needsReconnect).toBe(true);
    expect(instagram.lastError).toMatch(/expired/);
    const inbox = await call("GET", "/inbox");
    expect(inbox.text).toContain("Instagram is disconnected");
    expect(inbox.text).toContain("Reconnect in Settings");
  });

  it("warns in the app header a week before a token expires", async () => {
    const db = await openAppDb(app);
    await db.integration.update({ where: { name: "whatsapp" }, data: { tokenExpiresAt: new Date(Date.now() + 3 * 86_400_000 - 60_000) } });
    const inbox = await call("GET", "/inbox");
    expect(inbox.text).toContain("WhatsApp&#x27;s access token expires in 3 days");
  });

  it("refuses to enable a channel with a required field missing, naming the field", async () => {
    const res = await call("PUT", "/api/settings/integrations/whatsapp", { enabled: true, webhookVerifyToken: "x-token" });
    expect(res.status).toBe(422);
    const body = JSON.parse(res.text);
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.details.map((detail: { field: string }) => detail.field)).toEqual(["phoneNumberId"]);
    expect((await call("PUT", "/api/settings/integrations/telegram", {})).status).toBe(422);
    expect((await call("PUT", "/api/settings/integrations/instagram", "not json")).status).toBe(422);
  });

  it("answers no settings route or page with a secret", async () => {
    const paths = [
      "/api/settings/integrations",
      "/api/settings/users",
      "/api/settings/blocklist",
      "/api/settings/events",
      "/api/settings/audit?scope=integration",
      "/api/settings/audit?scope=user",
      "/api/settings/audit?scope=blocklist",
      "/api/settings/audit?scope=event",
      "/settings/integrations",
      "/settings/team",
      "/settings/blocklist",
      "/settings/events",
    ];
    for (const path of paths) {
      const { status, text } = await call("GET", path);
      expect(status, path).toBe(200);
      for (const secret of SECRETS) expect(text, `${path} leaks a secret`).not.toContain(secret);
    }
    const audit = JSON.parse((await call("GET", "/api/settings/audit?scope=integration")).text);
    expect(audit.entries.length).toBeGreaterThanOrEqual(4);
    expect(audit.entries.some((entry: { details: { changed?: string[] } }) => entry.details.changed?.includes("accessToken"))).toBe(true);
  });

  it("stores the secrets encrypted, not as plaintext", async () => {
    const db = await openAppDb(app);
    const rows = await db.integration.findMany({ select: { name: true, accessToken: true, apiSecret: true, config: true } });
    expect(rows).toHaveLength(2);
    const stored = JSON.stringify(rows);
    for (const secret of SECRETS) expect(stored).not.toContain(secret);
    for (const row of rows) {
      expect(row.accessToken).toMatch(/^v1:/);
      expect(row.apiSecret).toMatch(/^v1:/);
    }
    await db.$disconnect();
  });

  it("never logs a secret", () => {
    for (const secret of SECRETS) expect(app.logs()).not.toContain(secret);
  });
});

describe("settings: a channel configured from environment", () => {
  let app: RunningApp;
  let cookie: string;
  beforeAll(async () => {
    app = await startApp({
      env: {
        INSTAGRAM_ACCESS_TOKEN: IG_TOKEN,
        INSTAGRAM_APP_SECRET: IG_SECRET,
        INSTAGRAM_VERIFY_TOKEN: "env-verify-token",
        INSTAGRAM_PAGE_ID: "17841400000000002",
      },
    });
    cookie = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(() => app?.stop());

  it("says so, masks the env secrets, and moves them into the database on request", async () => {
    const get = async () => {
      const res = await fetch(`${app.url}/api/settings/integrations`, { headers: { cookie } });
      const text = await res.text();
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      return JSON.parse(text).integrations as { channel: string; source: string; pageId: string; accessToken: unknown; callbackUrl: string }[];
    };
    // Cards come in the channel catalog's order; look them up by channel.
    const byChannel = async () => {
      const list = await get();
      return ["instagram", "whatsapp"].map((channel) => list.find((integration) => integration.channel === channel)!);
    };
    const [instagram, whatsapp] = await byChannel();
    expect(instagram).toMatchObject({ source: "environment", pageId: "17841400000000002", accessToken: { set: true, last4: "7Qx9" } });
    expect(instagram.callbackUrl).toBe(`${app.url}/api/webhooks/instagram`);
    expect(whatsapp.source).toBe("none");

    const moved = await fetch(`${app.url}/api/settings/integrations/instagram/import-env`, { method: "POST", headers: { cookie } });
    expect(moved.status).toBe(200);
    expect((await byChannel())[0]).toMatchObject({ source: "database", pageId: "17841400000000002" });
    const again = await fetch(`${app.url}/api/settings/integrations/instagram/import-env`, { method: "POST", headers: { cookie } });
    expect(again.status).toBe(409);
    const none = await fetch(`${app.url}/api/settings/integrations/whatsapp/import-env`, { method: "POST", headers: { cookie } });
    expect(none.status).toBe(404);
  });
});
