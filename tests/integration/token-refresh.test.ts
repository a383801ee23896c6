// Instagram Login tokens refreshed by the app's background job against the fake Graph API: due
// tokens (older than a day, within 10 days of expiry or of unknown expiry) are refreshed and the new
// token and expiry stored; fresh tokens and Facebook Login tokens are left alone; a token Meta no
// longer accepts ends, after repeated 190s, in "reconnect needed" with the reason in Settings.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { startFakeGraph, type FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import { callApi } from "../helpers/api";
import { startApp, TEST_ADMIN, type RunningApp } from "../helpers/app";
import { openDatabase, waitFor } from "../helpers/database";
import { signIn } from "../helpers/session";

const DAY = 24 * 3_600_000;
const ACCOUNT_ID = "17841400000000033";
const FIRST_TOKEN = "IGAA-first-long-lived-token-0033";
const REFRESHED_TOKEN = "IGAA-refreshed-long-lived-token-0044";
const SIXTY_DAYS_S = 5_184_000;

let graph: FakeGraph;
let app: RunningApp;
let db: PrismaClient;
let cookie: string;

const api = (method: string, path: string, body?: unknown) => callApi(app.url, cookie, method, path, body);
const refreshRequests = () => graph.requests().filter((request) => request.path.endsWith("/refresh_access_token"));

beforeAll(async () => {
  graph = await startFakeGraph({ port: 0, instagramAccountId: ACCOUNT_ID });
  app = await startApp({
    env: { INSTAGRAM_GRAPH_API_URL: graph.url, META_GRAPH_API_URL: graph.url, INSTAGRAM_TOKEN_REFRESH_INTERVAL_MS: "250" },
  });
  db = openDatabase(app);
  cookie = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
});

afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
  await graph?.close();
});

beforeEach(() => graph.reset());

async function saveInstagramLogin(token: string) {
  const saved = await api("PUT", "/api/settings/integrations/instagram", {
    loginVariant: "instagram",
    accessToken: token,
    appSecret: "instagram-login-app-secret",
    webhookVerifyToken: "verify",
    instagramAccountId: ACCOUNT_ID,
  });
  expect(saved.status).toBe(200);
  return saved.body.integration;
}

/** Ages the stored token, as if it had been saved or refreshed `ageMs` ago, expiring at `expiresAt`. */
function ageToken(name: string, ageMs: number, expiresAt: Date | null) {
  return db.integration.update({ where: { name }, data: { tokenRefreshedAt: new Date(Date.now() - ageMs), tokenExpiresAt: expiresAt } });
}

/** Several passes of the 250 ms job. */
// Cards come in the channel catalog's order: find Instagram's by key.
const instagramCard = (body: { integrations: Array<{ key: string }> }) => body.integrations.find((card) => card.key === "instagram");
const severalPasses = () => new Promise((resolve) => setTimeout(resolve, 1_500));

describe("Instagram Login token refresh", () => {
  it("leaves a token saved just now alone and says its expiry is learnt at the first refresh", async () => {
    const integration = await saveInstagramLogin(FIRST_TOKEN);
    expect(integration).toMatchObject({ loginVariant: "instagram", tokenExpiresAt: null, tokenRefreshedAt: expect.any(String) });
    await severalPasses();
    expect(refreshRequests()).toHaveLength(0);
  });

  it("refreshes a token older than a day near expiry, stores the new token and expiry, and uses it", async () => {
    graph.program({
      match: { pathIncludes: "refresh_access_token" },
      times: 1,
      respond: { status: 200, body: { access_token: REFRESHED_TOKEN, token_type: "bearer", expires_in: SIXTY_DAYS_S } },
    });
    const before = await db.integration.findUniqueOrThrow({ where: { name: "instagram" } });
    await ageToken("instagram", 50 * DAY, new Date(Date.now() + 5 * DAY));
    const startedAt = Date.now();

    const row = await waitFor(async () => {
      const current = await db.integration.findUniqueOrThrow({ where: { name: "instagram" } });
      return current.tokenExpiresAt && current.tokenExpiresAt.getTime() > Date.now() + 30 * DAY ? current : undefined;
    }, "the token refreshed");
    const [request] = refreshRequests();
    expect(request.path).toBe("/refresh_access_token");
    expect(request.query).toMatchObject({ grant_type: "ig_refresh_token", access_token: FIRST_TOKEN });
    expect(Math.abs(row.tokenExpiresAt!.getTime() - (startedAt + SIXTY_DAYS_S * 1000))).toBeLessThan(10_000);
    expect(row.tokenRefreshedAt!.getTime()).toBeGreaterThanOrEqual(startedAt - 1_000);
    expect(row.accessToken).not.toBe(before.accessToken);
    expect(row.accessToken).not.toContain(REFRESHED_TOKEN);
    expect(await db.auditLog.findFirst({ where: { action: "integration.token-refresh", target: "instagram" } })).toMatchObject({ actorId: null });

    // Refreshed once: the new token is a fresh one, and the next passes leave it alone.
    await severalPasses();
    expect(refreshRequests()).toHaveLength(1);
    graph.reset();
    const test = await api("POST", "/api/settings/integrations/instagram/test");
    expect(test.body).toMatchObject({ ok: true });
    expect(graph.requests()[0].headers.authorization).toBe(`Bearer ${REFRESHED_TOKEN}`);

    const settings = await api("GET", "/api/settings/integrations");
    expect(instagramCard(settings.body)).toMatchObject({ key: "instagram", tokenExpiresAt: row.tokenExpiresAt!.toISOString() });
    expect(settings.text).not.toContain(REFRESHED_TOKEN);
    expect(app.logs()).not.toContain(REFRESHED_TOKEN);
  });

  it("refreshes a day-old token of unknown expiry to learn it; leaves one with weeks to live alone", async () => {
    await ageToken("instagram", 20 * DAY, new Date(Date.now() + 40 * DAY));
    await severalPasses();
    expect(refreshRequests()).toHaveLength(0);

    graph.program({
      match: { pathIncludes: "refresh_access_token" },
      times: 1,
      respond: { status: 200, body: { access_token: REFRESHED_TOKEN, token_type: "bearer", expires_in: SIXTY_DAYS_S } },
    });
    await ageToken("instagram", DAY + 60_000, null);
    const row = await waitFor(async () => {
      const current = await db.integration.findUniqueOrThrow({ where: { name: "instagram" } });
      return current.tokenExpiresAt ? current : undefined;
    }, "the expiry learnt");
    expect(row.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 59 * DAY);
    expect(refreshRequests()).toHaveLength(1);
  });

  it("never refreshes a Facebook Login account's token", async () => {
    const added = await api("POST", "/api/settings/integrations", { channel: "instagram", loginVariant: "facebook" });
    expect(added.status).toBe(201);
    const saved = await api("PUT", `/api/settings/integrations/${added.body.integration.key}`, {
      loginVariant: "facebook",
      accessToken: "EAAG-page-token-never-refreshed",
      appSecret: "facebook-app-secret",
      webhookVerifyToken: "verify-fb",
      pageId: "106000000000033",
    });
    expect(saved.status).toBe(200);
    await ageToken(added.body.integration.key, 50 * DAY, new Date(Date.now() + 2 * DAY));
    await severalPasses();
    expect(refreshRequests()).toHaveLength(0);
  });

  it("after repeated 190s from the refresh it asks for a reconnect, with the reason, and stops asking Meta", async () => {
    const current = await api("POST", "/api/settings/integrations/instagram/test");
    expect(current.body.ok).toBe(true);
    graph.expireToken(REFRESHED_TOKEN);
    await ageToken("instagram", 50 * DAY, new Date(Date.now() + 3 * DAY));

    const row = await waitFor(async () => {
      const integration = await db.integration.findUniqueOrThrow({ where: { name: "instagram" } });
      return integration.needsReconnect ? integration : undefined;
    }, "reconnect needed");
    expect(row.tokenErrorCount).toBe(3);
    expect(row.lastError).toBe("Refreshing the access token failed: Instagram token expired — reconnect in Settings");
    // The failed refreshes gave their claim back: the token's age is what it was.
    expect(row.tokenRefreshedAt!.getTime()).toBeLessThan(Date.now() - 49 * DAY);
    await severalPasses();
    expect(refreshRequests()).toHaveLength(3);

    const settings = await api("GET", "/api/settings/integrations");
    expect(instagramCard(settings.body)).toMatchObject({ key: "instagram", needsReconnect: true, lastError: row.lastError });
    const inbox = await api("GET", "/inbox");
    expect(inbox.text).toContain("Instagram is disconnected");

    // Reconnecting (a new token saved) clears it; the new token is fresh, so it is not refreshed yet.
    graph.reset();
    const reconnected = await saveInstagramLogin("IGAA-reconnected-token-0055");
    expect(reconnected).toMatchObject({ needsReconnect: false, tokenErrorCount: 0, lastError: null, tokenExpiresAt: null });
    await severalPasses();
    expect(refreshRequests()).toHaveLength(0);
    expect((await api("GET", "/inbox")).text).not.toContain("is disconnected");
  });
});
