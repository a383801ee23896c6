// Two-factor sign-in (TOTP and recovery codes), the admin rule that requires it, and sessions that
// end: after the idle timeout, after the absolute lifetime, and on "sign out everywhere".
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { callApi } from "../helpers/api";
import { startApp, TEST_ADMIN, type RunningApp } from "../helpers/app";
import { openDatabase } from "../helpers/database";
import { createUser, signIn, trySignIn } from "../helpers/session";

const AGENT = { name: "Tess Two", email: "tess@example.com", password: "agent-password-2", role: "AGENT" as const };
const SECOND_ADMIN = { name: "Otto Admin", email: "otto@example.com", password: "admin-password-2", role: "ADMIN" as const };

/** The code the user's authenticator app shows `stepsAhead` periods from now (each step is accepted once). */
const codeAt = (secret: string, stepsAhead = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

describe("two-factor sign-in and sessions", () => {
  let app: RunningApp;
  let db: PrismaClient;
  let secret: string;
  let recoveryCodes: string[];

  beforeAll(async () => {
    app = await startApp();
    db = openDatabase(app);
    await createUser(app, AGENT);
    await createUser(app, SECOND_ADMIN);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await app?.stop();
  });

  it("enrols with a code from the app and answers ten recovery codes once", async () => {
    const cookie = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const started = await callApi(app.url, cookie, "POST", "/api/account/two-factor");
    expect(started.status).toBe(200);
    secret = started.body.secret;
    expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect((await callApi(app.url, cookie, "PUT", "/api/account/two-factor", { code: "000000" })).status).toBe(422);
    const confirmed = await callApi(app.url, cookie, "PUT", "/api/account/two-factor", { code: await codeAt(secret) });
    expect(confirmed.status).toBe(200);
    recoveryCodes = confirmed.body.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    const stored = await db.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } });
    expect(stored.totpSecret).not.toContain(secret);
    expect(await db.recoveryCode.findFirst({ where: { codeHash: { in: recoveryCodes } } })).toBeNull();
  });

  it("asks for the code after the right password only, and refuses a wrong or reused one", async () => {
    expect((await trySignIn(app.url, { email: TEST_ADMIN.email, password: "wrong-password" })).outcome).toBe("invalid");
    expect((await trySignIn(app.url, { email: TEST_ADMIN.email, password: TEST_ADMIN.password })).outcome).toBe("code-required");
    expect((await trySignIn(app.url, { email: TEST_ADMIN.email, password: TEST_ADMIN.password, code: "123456" })).outcome).toBe("code-invalid");
    const code = await codeAt(secret, 1);
    const signedIn = await trySignIn(app.url, { email: TEST_ADMIN.email, password: TEST_ADMIN.password, code });
    expect(signedIn.outcome).toBe("ok");
    expect((await callApi(app.url, signedIn.cookie!, "GET", "/api/inbox/conversations")).status).toBe(200);
    expect((await trySignIn(app.url, { email: TEST_ADMIN.email, password: TEST_ADMIN.password, code })).outcome).toBe("code-invalid");
  });

  it("signs in with a recovery code, once", async () => {
    const [code] = recoveryCodes;
    expect((await trySignIn(app.url, { email: TEST_ADMIN.email, password: TEST_ADMIN.password, code: code!.toUpperCase() })).outcome).toBe("ok");
    expect((await trySignIn(app.url, { email: TEST_ADMIN.email, password: TEST_ADMIN.password, code })).outcome).toBe("code-invalid");
  });

  it("when the team requires it, an admin without two-factor can only set it up", async () => {
    // Each TOTP step counts once, and the last sign-in used the next one: a recovery code this time.
    const { cookie: adminCookie } = await trySignIn(app.url, { email: TEST_ADMIN.email, password: TEST_ADMIN.password, code: recoveryCodes[2] });
    const saved = await callApi(app.url, adminCookie!, "PUT", "/api/settings/security", { requireTwoFactorForAdmins: true, sessionIdleMinutes: 60, sessionMaxHours: 24 });
    expect(saved.status).toBe(200);
    expect((await callApi(app.url, adminCookie!, "PUT", "/api/settings/security", { requireTwoFactorForAdmins: true, sessionIdleMinutes: 1, sessionMaxHours: 24 })).status).toBe(422);

    const otto = await signIn(app.url, SECOND_ADMIN.email, SECOND_ADMIN.password);
    const refused = await callApi(app.url, otto, "GET", "/api/settings/users");
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/two-factor/);
    expect((await callApi(app.url, otto, "GET", "/api/inbox/conversations")).status).toBe(403);
    const page = await fetch(`${app.url}/inbox`, { headers: { cookie: otto }, redirect: "manual" });
    expect(page.headers.get("location")).toMatch(/\/account$/);
    expect((await callApi(app.url, otto, "POST", "/api/account/two-factor")).status).toBe(200);
    // Agents are not affected.
    const tess = await signIn(app.url, AGENT.email, AGENT.password);
    expect((await callApi(app.url, tess, "GET", "/api/inbox/conversations")).status).toBe(200);
  });

  it("ends a session after the idle timeout and after the absolute lifetime", async () => {
    const idle = await signIn(app.url, AGENT.email, AGENT.password);
    const old = await signIn(app.url, AGENT.email, AGENT.password);
    expect((await callApi(app.url, idle, "GET", "/api/inbox/team")).status).toBe(200);
    const sessions = await db.userSession.findMany({ where: { user: { email: AGENT.email } }, orderBy: { createdAt: "desc" } });
    // The clock moved on: one session idle past 60 minutes, one signed in more than 24 hours ago but busy.
    await db.userSession.update({ where: { id: sessions[1]!.id }, data: { lastSeenAt: new Date(Date.now() - 61 * 60_000) } });
    await db.userSession.update({ where: { id: sessions[0]!.id }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    expect((await callApi(app.url, idle, "GET", "/api/inbox/team")).status).toBe(401);
    expect((await callApi(app.url, old, "GET", "/api/inbox/team")).status).toBe(401);
  });

  it("signs out everywhere: oneself, or an admin for anyone", async () => {
    const first = await signIn(app.url, AGENT.email, AGENT.password);
    const second = await signIn(app.url, AGENT.email, AGENT.password);
    expect((await callApi(app.url, first, "POST", "/api/account/sign-out-everywhere")).status).toBe(200);
    expect((await callApi(app.url, first, "GET", "/api/inbox/team")).status).toBe(401);
    expect((await callApi(app.url, second, "GET", "/api/inbox/team")).status).toBe(401);

    const third = await signIn(app.url, AGENT.email, AGENT.password);
    const { cookie: admin } = await trySignIn(app.url, { email: TEST_ADMIN.email, password: TEST_ADMIN.password, code: recoveryCodes[1] });
    const agentId = (await db.user.findUniqueOrThrow({ where: { email: AGENT.email } })).id;
    expect((await callApi(app.url, admin!, "POST", `/api/settings/users/${agentId}/sign-out-everywhere`)).status).toBe(200);
    expect((await callApi(app.url, third, "GET", "/api/inbox/team")).status).toBe(401);
    const audit = await callApi(app.url, admin!, "GET", "/api/settings/audit?scope=user");
    expect(audit.body.entries.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining(["user.sign-out-everywhere", "user.two-factor-enable", "user.security-policy"]),
    );
  });
});
