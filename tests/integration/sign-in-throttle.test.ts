// Password guessing is slowed per IP and per email+IP pair, atomically, without ever locking the
// real user out: a burst against the admin's email from one address leaves the admin free to sign
// in from another, and admins see the throttling in the audit trail. The client IP is the socket's
// unless TRUST_PROXY=true, so a forged X-Forwarded-For can't reset the count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../helpers/api";
import { startApp, TEST_ADMIN, type RunningApp } from "../helpers/app";
import { signIn, trySignIn, type SignInOutcome } from "../helpers/session";

type Outcome = SignInOutcome;

/** One sign-in from `ip` (sent as X-Forwarded-For, which only a TRUST_PROXY app believes). */
async function attempt(appUrl: string, email: string, password: string, ip?: string): Promise<Outcome> {
  return (await trySignIn(appUrl, { email, password }, ip ? { "x-forwarded-for": ip } : {})).outcome;
}

const count = (outcomes: Outcome[], outcome: Outcome) => outcomes.filter((value) => value === outcome).length;

describe("sign-in throttle behind a trusted proxy", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ env: { TRUST_PROXY: "true" } });
  });
  afterAll(() => app?.stop());

  it("evaluates at most the free tries of 40 parallel wrong passwords, and refuses the rest unevaluated", async () => {
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => attempt(app.url, TEST_ADMIN.email, "wrong-password", "203.0.113.7")));
    expect(count(outcomes, "ok")).toBe(0);
    expect(count(outcomes, "invalid")).toBeGreaterThan(0);
    expect(count(outcomes, "invalid")).toBeLessThanOrEqual(5);
    expect(count(outcomes, "throttled")).toBe(40 - count(outcomes, "invalid"));
    // Even the right password waits while this address is slowed down for this email.
    expect(await attempt(app.url, TEST_ADMIN.email, TEST_ADMIN.password, "203.0.113.7")).toBe("throttled");
  });

  it("lets the real user in from their own network during the attacker's burst", async () => {
    const burst = Promise.all(Array.from({ length: 20 }, () => attempt(app.url, TEST_ADMIN.email, "still-wrong", "203.0.113.7")));
    const victim = attempt(app.url, TEST_ADMIN.email, TEST_ADMIN.password, "198.51.100.20");
    expect(await victim).toBe("ok");
    expect(count(await burst, "throttled")).toBe(20);
  });

  it("shows the throttling in the admin audit trail, with the email and the address", async () => {
    const cookie = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const { status, body } = await callApi(app.url, cookie, "GET", "/api/settings/audit?scope=user");
    expect(status).toBe(200);
    const throttled = body.entries.filter((entry: { action: string }) => entry.action === "user.sign-in-throttled");
    expect(throttled.length).toBeGreaterThan(0);
    // The trail names a known person by name and address ("Ada Admin (admin@example.com)").
    expect(throttled).toContainEqual(expect.objectContaining({ target: expect.stringContaining(TEST_ADMIN.email), details: expect.objectContaining({ ip: "203.0.113.7" }) }));
  });
});

describe("sign-in throttle without a trusted proxy", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app?.stop());

  it("ignores X-Forwarded-For, so changing it does not reset the count", async () => {
    const outcomes: Outcome[] = [];
    for (let index = 0; index < 8; index++) outcomes.push(await attempt(app.url, TEST_ADMIN.email, "wrong-password", `192.0.2.${index}`));
    expect(outcomes.slice(0, 5)).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid"]);
    expect(outcomes.slice(5)).toEqual(["throttled", "throttled", "throttled"]);
  });
});
