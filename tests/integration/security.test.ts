// Security checks over the whole API surface, discovered from app/api/**/route.ts so a new route is
// covered the day it lands: sessions required, admin routes closed to agents, no secret in any
// response or log line, hardened session cookies and security headers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instagramText, postWebhook, whatsappText } from "../../scripts/meta-sim/payloads";
import { startFakeGraph, type FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import { appSecretFor, BENCH_SECRETS, channelEnv } from "../../scripts/bench/channel-env";
import { startApp, TEST_ADMIN, type RunningApp } from "../helpers/app";
import { concretePath, isPublicRoute, listApiRoutes } from "../helpers/routes";
import { createUser, signIn, signInSetCookies } from "../helpers/session";
import { waitUntil } from "../helpers/wait-until";

const AGENT = { name: "Sam Seller", email: "sam@example.com", password: "agent-password-1", role: "AGENT" as const };
/**
 * Settings routes agents may use; every other /api/settings route must be admin-only. The label
 * catalogue's GET is read by every staff member (the inbox's label picker); changing it is admin-only.
 */
const AGENT_SETTINGS_ROUTES = new Set<string>(["/api/settings/labels"]);
const SECRET_VALUES = Object.values(BENCH_SECRETS);

const routes = listApiRoutes();
const protectedCalls = routes.flatMap((route) =>
  isPublicRoute(route.pattern) ? [] : route.methods.map(({ method, guard }) => ({ pattern: route.pattern, method, guard })),
);

function expectErrorShape(body: unknown) {
  const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
  expect(typeof error?.code).toBe("string");
  expect(typeof error?.message).toBe("string");
}

function request(app: RunningApp, method: string, pattern: string, cookie?: string) {
  return fetch(`${app.url}${concretePath(pattern)}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(method === "GET" ? {} : { "content-type": "application/json" }) },
    body: method === "GET" ? undefined : "{}",
    signal: AbortSignal.timeout(10_000),
  });
}

describe("security", () => {
  let graph: FakeGraph;
  let app: RunningApp;
  let adminCookie: string;
  let agentCookie: string;
  /** Every response body this suite saw, searched for secrets at the end. */
  const seenBodies: string[] = [];

  beforeAll(async () => {
    graph = await startFakeGraph({ port: 0 });
    app = await startApp({ env: channelEnv(graph.url) });
    await createUser(app, AGENT);
    adminCookie = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
    agentCookie = await signIn(app.url, AGENT.email, AGENT.password);
  });
  afterAll(async () => {
    await app?.stop();
    await graph?.close();
  });

  it("finds the API routes to check", () => {
    expect(protectedCalls.length).toBeGreaterThan(0);
  });

  it("refuses every non-public route without a session, or with a forged one, as 401 JSON", async () => {
    const failures: string[] = [];
    for (const { method, pattern } of protectedCalls) {
      for (const cookie of [undefined, "next-auth.session-token=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."]) {
        const res = await request(app, method, pattern, cookie);
        const text = await res.text();
        seenBodies.push(text);
        if (res.status !== 401) {
          failures.push(`${method} ${pattern}${cookie ? " (forged cookie)" : ""} → ${res.status}`);
          continue;
        }
        expectErrorShape(JSON.parse(text));
      }
    }
    expect(failures).toEqual([]);
  });

  it("gives agents 403 on every admin route", async () => {
    const adminCalls = protectedCalls.filter((call) => call.guard === "admin");
    expect(adminCalls.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const { method, pattern } of adminCalls) {
      const res = await request(app, method, pattern, agentCookie);
      const text = await res.text();
      seenBodies.push(text);
      if (res.status !== 403) failures.push(`${method} ${pattern} → ${res.status}`);
      else expect(JSON.parse(text).error.code).toBe("FORBIDDEN");
    }
    expect(failures).toEqual([]);
  });

  it("keeps every settings route admin-only unless it is deliberately open to agents", () => {
    const open = protectedCalls.filter(
      (call) => call.pattern.startsWith("/api/settings/") && call.guard !== "admin" && !AGENT_SETTINGS_ROUTES.has(call.pattern),
    );
    expect(open.map((call) => `${call.method} ${call.pattern}`)).toEqual([]);
  });

  it("sets the session cookie httpOnly and SameSite=Lax (not Secure over plain http)", async () => {
    const setCookies = (await signInSetCookies(app.url, TEST_ADMIN.email, TEST_ADMIN.password)).setCookies;
    const session = setCookies.find((cookie) => /session-token=/.test(cookie));
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
  });

  it("marks the session cookie Secure (and __Secure-) when NEXTAUTH_URL is https", async () => {
    const secureApp = await startApp({ env: { ...channelEnv(graph.url), NEXTAUTH_URL: "https://inbox.example.com" } });
    try {
      const setCookies = (await signInSetCookies(secureApp.url, TEST_ADMIN.email, TEST_ADMIN.password)).setCookies;
      const session = setCookies.find((cookie) => /session-token=/.test(cookie));
      expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
      expect(session).toMatch(/;\s*Secure/i);
      expect(session).toMatch(/;\s*HttpOnly/i);
      expect(session).toMatch(/;\s*SameSite=Lax/i);
    } finally {
      await secureApp.stop();
    }
  });

  it("gives every page a fresh script nonce: no 'unsafe-inline' for scripts, and Next's scripts carry the nonce", async () => {
    const nonces = new Set<string>();
    for (const path of ["/sign-in", "/sign-in"]) {
      const res = await fetch(`${app.url}${path}`);
      const html = await res.text();
      const policy = res.headers.get("content-security-policy") ?? "";
      const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1] ?? "";
      expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(scriptSrc).toContain("'strict-dynamic'");
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(/style-src ([^;]*)/.exec(policy)?.[1]).not.toContain("'unsafe-inline'");
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
      nonces.add(nonce);
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
    }
    expect(nonces.size).toBe(2);
  });

  it("sends CSP with frame-ancestors, Referrer-Policy and nosniff on pages and API responses", async () => {
    for (const path of ["/sign-in", "/api/health", "/api/inbox/conversations"]) {
      const res = await fetch(`${app.url}${path}`, { redirect: "manual" });
      await res.arrayBuffer();
      expect(res.headers.get("content-security-policy"), path).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get("content-security-policy"), path).toMatch(/default-src 'self'/);
      expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("x-powered-by"), path).toBeNull();
    }
  });

  it("never puts a token or app secret in a response body or a server log line", async () => {
    // Traffic that touches every secret: signed and badly signed deliveries, a reply whose send
    // fails with an expired token, and every GET route read by an admin.
    for (const channel of ["instagram", "whatsapp"] as const) {
      const payload = channel === "instagram" ? instagramText() : whatsappText();
      const ok = await postWebhook({ appUrl: app.url, channel, payload, appSecret: appSecretFor(channel) });
      expect(ok.status, `signed ${channel} delivery`).toBe(200);
      seenBodies.push(await ok.text());
      const bad = await postWebhook({ appUrl: app.url, channel, payload, appSecret: "wrong-secret" });
      seenBodies.push(await bad.text());
    }
    // Deliveries are processed after the 200: wait for their conversation rather than a fixed second
    // (which a busy machine can outlast, silently skipping the failing send below).
    let listText = "";
    let conversationId: string | undefined;
    await waitUntil(async () => {
      const list = await fetch(`${app.url}/api/inbox/conversations`, { headers: { cookie: adminCookie } });
      listText = await list.text();
      conversationId = (JSON.parse(listText) as { conversations?: { id: string }[] }).conversations?.[0]?.id;
      return Boolean(conversationId);
    }, "the signed deliveries' conversation");
    seenBodies.push(listText);
    graph.program({ match: { method: "POST", pathIncludes: "/messages" }, respond: { error: "token-expired" } });
    const reply = await fetch(`${app.url}/api/inbox/conversations/${conversationId}/reply`, {
      method: "POST",
      headers: { cookie: adminCookie, "content-type": "application/json" },
      body: JSON.stringify({ text: "Checking the token path" }),
    });
    seenBodies.push(await reply.text());
    graph.reset();
    for (const { method, pattern } of protectedCalls.filter((call) => call.method === "GET")) {
      if (pattern.endsWith("/events")) continue; // a stream, not a body
      const res = await fetch(`${app.url}${concretePath(pattern, conversationId)}`, {
        headers: { cookie: adminCookie },
        signal: AbortSignal.timeout(10_000),
      });
      seenBodies.push(`${method} ${pattern}: ${await res.text()}`);
    }
    // The verify token is no credential: the integrations card shows it to admins to paste into
    // Meta's App Dashboard. Tokens and app secrets never appear anywhere.
    const adminVisible = new Set<string>([BENCH_SECRETS.instagramVerifyToken, BENCH_SECRETS.whatsappVerifyToken, BENCH_SECRETS.messengerVerifyToken]);
    const shownToAdmins = (secret: string, body: string) =>
      adminVisible.has(secret) && body.startsWith("GET /api/settings/integrations:");
    const leaks = SECRET_VALUES.filter((secret) => seenBodies.some((body) => body.includes(secret) && !shownToAdmins(secret, body)));
    expect(leaks, "secrets found in response bodies").toEqual([]);
    const logLeaks = SECRET_VALUES.filter((secret) => app.logs().includes(secret));
    expect(logLeaks, "secrets found in server logs").toEqual([]);
  });
});

