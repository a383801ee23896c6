import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, TEST_ADMIN, type RunningApp } from "../helpers/app";
import { createUser, signIn } from "../helpers/session";

const AGENT = { name: "Alex Agent", email: "agent@example.com", password: "agent-password-1", role: "AGENT" as const };

describe("foundation: sign-in, roles, health", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
    await createUser(app, AGENT);
  });
  afterAll(() => app?.stop());

  it("reports health with the database reachable", async () => {
    const res = await fetch(`${app.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", failedDeliveries24h: 0 });
  });

  it("answers 401 JSON to API calls without a session", async () => {
    for (const path of ["/api/inbox/conversations", "/api/settings/users"]) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body.error.code).toBe("UNAUTHORIZED");
      expect(typeof body.error.message).toBe("string");
    }
  });

  it("redirects pages to sign-in without a session", async () => {
    const res = await fetch(`${app.url}/inbox`, { redirect: "manual" });
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toContain("/sign-in");
  });

  it("signs in the admin created from env, whatever the email's case", async () => {
    const cookie = await signIn(app.url, TEST_ADMIN.email.toUpperCase(), TEST_ADMIN.password);
    const res = await fetch(`${app.url}/api/settings/users`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const { users } = await res.json();
    expect(users.map((user: { email: string }) => user.email)).toEqual([TEST_ADMIN.email, AGENT.email]);
    expect(JSON.stringify(users)).not.toContain("passwordHash");
    const page = await fetch(`${app.url}/inbox`, { headers: { cookie }, redirect: "manual" });
    expect(page.status).toBe(200);
  });

  it("refuses a wrong password without saying which part was wrong", async () => {
    await expect(signIn(app.url, TEST_ADMIN.email, "not-the-password")).rejects.toThrow("Sign-in failed");
    await expect(signIn(app.url, "nobody@example.com", "whatever-password")).rejects.toThrow("Sign-in failed");
  });

  it("gives agents 403 on admin routes and 200 on inbox routes", async () => {
    const cookie = await signIn(app.url, AGENT.email, AGENT.password);
    const admin = await fetch(`${app.url}/api/settings/users`, { headers: { cookie } });
    expect(admin.status).toBe(403);
    expect((await admin.json()).error.code).toBe("FORBIDDEN");
    const inbox = await fetch(`${app.url}/api/inbox/conversations`, { headers: { cookie } });
    expect(inbox.status).toBe(200);
  });

  it("slows repeated failures: after 10 wrong passwords even the right one is refused", async () => {
    const victim = { name: "Vic", email: "vic@example.com", password: "vic-password-1", role: "AGENT" as const };
    await createUser(app, victim);
    for (let attempt = 0; attempt < 10; attempt++) {
      await expect(signIn(app.url, victim.email, `wrong-${attempt}`)).rejects.toThrow();
    }
    await expect(signIn(app.url, victim.email, victim.password)).rejects.toThrow("Sign-in failed");
  });

  it("never logs a password", () => {
    expect(app.logs()).not.toContain(TEST_ADMIN.password);
    expect(app.logs()).not.toContain(AGENT.password);
  });
});

describe("foundation: first run", () => {
  it("sends the first visitor to /setup when no user exists", async () => {
    const app = await startApp({ env: { ADMIN_EMAIL: "", ADMIN_PASSWORD: "" } });
    try {
      const res = await fetch(`${app.url}/sign-in`, { redirect: "manual" });
      expect(res.status).toBe(307);
      expect(res.headers.get("location")).toContain("/setup");
      const setup = await fetch(`${app.url}/setup`, { redirect: "manual" });
      expect(setup.status).toBe(200);
    } finally {
      await app.stop();
    }
  });

  it("refuses to start with a bad env var and names it", async () => {
    await expect(startApp({ env: { META_GRAPH_API_VERSION: "21" } })).rejects.toThrow(/META_GRAPH_API_VERSION/);
  });
});
