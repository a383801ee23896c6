import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../helpers/api";
import { startApp, TEST_ADMIN, type RunningApp } from "../helpers/app";
import { openAppDb } from "../helpers/app-db";
import { createUser, signIn } from "../helpers/session";

// Team rules, the blocklist and the event log through the real API of the built app.

const AGENT = { name: "Alex Agent", email: "agent@example.com", password: "agent-password-1", role: "AGENT" as const };

describe("settings: admin-only API", () => {
  let app: RunningApp;
  let db: Awaited<ReturnType<typeof openAppDb>>;
  let admin: string;
  const as = (cookie: string) => (method: string, path: string, body?: unknown) => callApi(app.url, cookie, method, path, body);

  beforeAll(async () => {
    app = await startApp();
    await createUser(app, AGENT);
    admin = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
    db = await openAppDb(app);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await app?.stop();
  });

  it("answers agents 403 JSON on every settings route, and pages with 'ask an admin'", async () => {
    const agent = as(await signIn(app.url, AGENT.email, AGENT.password));
    const routes: [string, string, unknown?][] = [
      ["GET", "/api/settings/integrations"],
      ["PUT", "/api/settings/integrations/instagram", { enabled: false }],
      ["POST", "/api/settings/integrations/instagram/test"],
      ["POST", "/api/settings/integrations/instagram/import-env"],
      ["GET", "/api/settings/users"],
      ["POST", "/api/settings/users", { ...AGENT, email: "x@example.com" }],
      ["PATCH", "/api/settings/users/someone", { role: "ADMIN" }],
      ["POST", "/api/settings/users/someone/password", { password: "whatever-123" }],
      ["GET", "/api/settings/blocklist"],
      ["POST", "/api/settings/blocklist", { channel: "INSTAGRAM", identifier: "123" }],
      ["DELETE", "/api/settings/blocklist/INSTAGRAM/123"],
      ["GET", "/api/settings/events"],
      ["POST", "/api/settings/events/some-event/replay"],
      ["GET", "/api/settings/audit?scope=user"],
    ];
    for (const [method, path, body] of routes) {
      const res = await agent(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe("FORBIDDEN");
    }
    const cookie = await signIn(app.url, AGENT.email, AGENT.password);
    for (const page of ["/settings/integrations", "/settings/team", "/settings/blocklist", "/settings/events"]) {
      const html = await (await fetch(`${app.url}${page}`, { headers: { cookie } })).text();
      expect(html).toContain("Settings are for admins");
      expect(html).not.toContain("Audit trail");
    }
  });

  it("keeps the last active admin: no self-demotion, no self-disable", async () => {
    const self = (await db.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } })).id;
    const demote = await as(admin)("PATCH", `/api/settings/users/${self}`, { role: "AGENT" });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toMatch(/last active admin/);
    expect((await as(admin)("PATCH", `/api/settings/users/${self}`, { disabled: true })).status).toBe(409);
    const user = await db.user.findUniqueOrThrow({ where: { id: self } });
    expect(user.role).toBe("ADMIN");
    expect(user.disabledAt).toBeNull();
    // Still signed in: the refused change did not bump the session version.
    expect((await as(admin)("GET", "/api/settings/users")).status).toBe(200);
  });

  it("adds a staff member who can then sign in; duplicates and bad input are refused", async () => {
    const added = await as(admin)("POST", "/api/settings/users", { name: "Bea", email: "Bea@Example.com", role: "AGENT", password: "bea-password-1" });
    expect(added.status).toBe(201);
    expect(added.body.user).toMatchObject({ email: "bea@example.com", role: "AGENT" });
    expect(JSON.stringify(added.body)).not.toContain("passwordHash");
    await expect(signIn(app.url, "bea@example.com", "bea-password-1")).resolves.toContain("session-token");
    expect((await as(admin)("POST", "/api/settings/users", { name: "Bea 2", email: "bea@example.com", role: "AGENT", password: "bea-password-2" })).status).toBe(409);
    const bad = await as(admin)("POST", "/api/settings/users", { name: "", email: "nope", role: "OWNER", password: "short" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(["email", "name", "password", "role"]);
  });

  it("ends a disabled person's session at once, and re-enabling needs a fresh sign-in", async () => {
    const agentCookie = await signIn(app.url, AGENT.email, AGENT.password);
    expect((await fetch(`${app.url}/api/inbox/conversations`, { headers: { cookie: agentCookie } })).status).toBe(200);
    const agentId = (await db.user.findUniqueOrThrow({ where: { email: AGENT.email } })).id;

    expect((await as(admin)("PATCH", `/api/settings/users/${agentId}`, { disabled: true })).status).toBe(200);
    expect((await fetch(`${app.url}/api/inbox/conversations`, { headers: { cookie: agentCookie } })).status).toBe(401);
    await expect(signIn(app.url, AGENT.email, AGENT.password)).rejects.toThrow();

    expect((await as(admin)("PATCH", `/api/settings/users/${agentId}`, { disabled: false })).status).toBe(200);
    expect((await fetch(`${app.url}/api/inbox/conversations`, { headers: { cookie: agentCookie } })).status).toBe(401);
    const fresh = await signIn(app.url, AGENT.email, AGENT.password);
    expect((await fetch(`${app.url}/api/inbox/conversations`, { headers: { cookie: fresh } })).status).toBe(200);
  });

  it("ends sessions on a role change and a password reset", async () => {
    const agentId = (await db.user.findUniqueOrThrow({ where: { email: AGENT.email } })).id;
    const before = await signIn(app.url, AGENT.email, AGENT.password);
    expect((await as(admin)("PATCH", `/api/settings/users/${agentId}`, { role: "ADMIN" })).status).toBe(200);
    expect((await fetch(`${app.url}/api/inbox/conversations`, { headers: { cookie: before } })).status).toBe(401);
    const asAdmin = await signIn(app.url, AGENT.email, AGENT.password);
    expect((await as(asAdmin)("GET", "/api/settings/users")).status).toBe(200);

    const reset = await as(admin)("POST", `/api/settings/users/${agentId}/password`, { password: "brand-new-password" });
    expect(reset.status).toBe(200);
    expect((await as(asAdmin)("GET", "/api/settings/users")).status).toBe(401);
    await expect(signIn(app.url, AGENT.email, AGENT.password)).rejects.toThrow();
    await signIn(app.url, AGENT.email, "brand-new-password");
    expect((await as(admin)("POST", `/api/settings/users/${agentId}/password`, { password: "short" })).status).toBe(422);
    expect((await as(admin)("PATCH", "/api/settings/users/no-such-user", { role: "AGENT" })).status).toBe(404);
    expect((await as(admin)("PATCH", `/api/settings/users/${agentId}`, { role: "AGENT", disabled: true })).status).toBe(422);
  });

  it("lets one admin be demoted while another stays, then guards the remaining one", async () => {
    // Alex is an admin now (previous test); demote the original admin, then Alex is the last one.
    const alex = await signIn(app.url, AGENT.email, "brand-new-password");
    const original = (await db.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } })).id;
    const alexId = (await db.user.findUniqueOrThrow({ where: { email: AGENT.email } })).id;
    expect((await as(alex)("PATCH", `/api/settings/users/${original}`, { role: "AGENT" })).status).toBe(200);
    expect((await as(alex)("PATCH", `/api/settings/users/${alexId}`, { disabled: true })).status).toBe(409);
    expect((await as(alex)("PATCH", `/api/settings/users/${original}`, { role: "ADMIN" })).status).toBe(200);
    admin = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const audit = await as(admin)("GET", "/api/settings/audit?scope=user");
    const actions = audit.body.entries.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["user.create", "user.disable", "user.enable", "user.role", "user.password-reset"]));
    expect(JSON.stringify(audit.body)).not.toContain("brand-new-password");
  });

  it("hides a blocked contact's conversations and brings them back on unblock", async () => {
    const contact = await db.contact.create({
      data: { channel: "INSTAGRAM", externalId: "9001", displayName: "Spam Sam", instagramUsername: "spam.sam", lead: { create: {} } },
    });
    const conversation = await db.conversation.create({
      data: { channel: "INSTAGRAM", businessAccountId: "17841400000000001", contactId: contact.id, leadId: contact.leadId, lastMessageAt: new Date() },
    });
    const visible = async () => (await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).hidden === false;

    const blocked = await as(admin)("POST", "/api/settings/blocklist", { channel: "INSTAGRAM", identifier: "@Spam.Sam", reason: "spam" });
    expect(blocked.status).toBe(201);
    expect(blocked.body.blocked).toMatchObject({ externalId: "9001", name: "Spam Sam", reason: "spam", hiddenConversations: 1 });
    expect(await visible()).toBe(false);
    const list = await as(admin)("GET", "/api/settings/blocklist");
    expect(list.body.blocked).toHaveLength(1);
    // Blocking twice is harmless.
    expect((await as(admin)("POST", "/api/settings/blocklist", { channel: "INSTAGRAM", identifier: "9001" })).status).toBe(201);

    const removed = await as(admin)("DELETE", "/api/settings/blocklist/INSTAGRAM/9001");
    expect(removed.status).toBe(200);
    expect(await visible()).toBe(true);
    expect((await as(admin)("DELETE", "/api/settings/blocklist/INSTAGRAM/9001")).status).toBe(404);
    expect((await as(admin)("GET", "/api/settings/blocklist")).body.blocked).toHaveLength(0);
  });

  it("blocks a WhatsApp number in any format, and refuses what it cannot resolve", async () => {
    const phone = await as(admin)("POST", "/api/settings/blocklist", { channel: "WHATSAPP", identifier: "+49 151 234-5678" });
    expect(phone.status).toBe(201);
    expect(phone.body.blocked.externalId).toBe("491512345678");
    expect((await as(admin)("POST", "/api/settings/blocklist", { channel: "INSTAGRAM", identifier: "@nobody.here" })).status).toBe(404);
    expect((await as(admin)("POST", "/api/settings/blocklist", { channel: "WHATSAPP", identifier: "@someone" })).status).toBe(422);
    expect((await as(admin)("POST", "/api/settings/blocklist", { channel: "SMS", identifier: "1" })).status).toBe(422);
    expect((await as(admin)("DELETE", "/api/settings/blocklist/WHATSAPP/491512345678")).status).toBe(200);
    const audit = await as(admin)("GET", "/api/settings/audit?scope=blocklist");
    expect(audit.body.entries.map((entry: { action: string }) => entry.action)).toEqual([
      "blocklist.remove",
      "blocklist.add",
      "blocklist.remove",
      "blocklist.add",
      "blocklist.add",
    ]);
  });

  it("lists webhook events newest first with filters, cursor pages and 24-hour counters", async () => {
    const now = Date.now();
    const rows = [
      { source: "instagram", status: "PROCESSED" as const, receivedAt: new Date(now - 60_000) },
      { source: "instagram", status: "FAILED" as const, receivedAt: new Date(now - 120_000), error: "TypeError: boom" },
      { source: "whatsapp", status: "IGNORED" as const, receivedAt: new Date(now - 180_000) },
      { source: "whatsapp", status: "FAILED" as const, receivedAt: new Date(now - 48 * 3600_000), error: "old failure" },
    ];
    for (const row of rows) {
      await db.externalEventLog.create({ data: { ...row, rawBody: JSON.stringify({ object: row.source, entry: [] }), signatureValid: true } });
    }
    const all = await as(admin)("GET", "/api/settings/events?limit=3");
    expect(all.status).toBe(200);
    expect(all.body.events.map((event: { status: string }) => event.status)).toEqual(["PROCESSED", "FAILED", "IGNORED"]);
    expect(all.body.counters).toEqual({ received24h: 3, failed24h: 1 });
    const next = await as(admin)("GET", `/api/settings/events?limit=3&cursor=${all.body.nextCursor}`);
    expect(next.body.events.map((event: { error: string }) => event.error)).toEqual(["old failure"]);
    expect(next.body.nextCursor).toBeNull();

    const failed = await as(admin)("GET", "/api/settings/events?status=FAILED&source=instagram");
    expect(failed.body.events).toHaveLength(1);
    expect(failed.body.events[0]).toMatchObject({ error: "TypeError: boom", rawBody: '{"object":"instagram","entry":[]}' });
    expect((await as(admin)("GET", "/api/settings/events?status=LOST")).status).toBe(422);
    expect((await as(admin)("GET", "/api/settings/events?limit=1000")).status).toBe(422);
  });
});
