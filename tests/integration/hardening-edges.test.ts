// The smaller hardening items, each through the built app: a disabled user's open live stream ends,
// a message dated in the future is filed at its receipt time, /api/health fails on a read-only
// database, and next-auth's answers point at this app's own origin when NEXTAUTH_URL is unset.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { igsidFor, instagramText, newInstagramMid, postWebhook } from "../../scripts/meta-sim/payloads";
import { startFakeGraph, type FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import { appSecretFor, channelEnv } from "../../scripts/bench/channel-env";
import { callApi } from "../helpers/api";
import { startApp, TEST_ADMIN, TEST_DATABASE, type RunningApp } from "../helpers/app";
import { eventProcessed, openDatabase } from "../helpers/database";
import { createUser, signIn, signInSetCookies } from "../helpers/session";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const AGENT = { name: "Dana Disabled", email: "dana@example.com", password: "agent-password-3", role: "AGENT" as const };

describe("hardening edges", () => {
  let graph: FakeGraph;
  let app: RunningApp;
  let db: PrismaClient;
  let admin: string;

  beforeAll(async () => {
    graph = await startFakeGraph({ port: 0 });
    app = await startApp({ env: channelEnv(graph.url) });
    db = openDatabase(app);
    await createUser(app, AGENT);
    admin = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await app?.stop();
    await graph?.close();
  });

  const deliver = async (payload: unknown) => {
    const res = await postWebhook({ appUrl: app.url, channel: "instagram", payload, appSecret: appSecretFor("instagram") });
    expect(res.status).toBe(200);
    return eventProcessed(db, ((await res.json()) as { eventId: string }).eventId);
  };

  it("ends a disabled user's open live stream before it carries another event", async () => {
    const agent = await signIn(app.url, AGENT.email, AGENT.password);
    const stream = await fetch(`${app.url}/api/inbox/events`, { headers: { cookie: agent } });
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = decoder.decode((await reader.read()).value);
    expect(received).toContain(": connected");

    const agentId = (await db.user.findUniqueOrThrow({ where: { email: AGENT.email } })).id;
    expect((await callApi(app.url, admin, "PATCH", `/api/settings/users/${agentId}`, { disabled: true })).status).toBe(200);
    await deliver(instagramText({ senderId: igsidFor("edges.after-disable"), text: "after the agent was disabled" }));

    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += decoder.decode(value);
    }
    expect(received).not.toContain("data:");
  });

  it("files a message dated in 2100 at the time it arrived", async () => {
    const mid = newInstagramMid();
    const before = Date.now();
    const payload = instagramText({ senderId: igsidFor("edges.future"), text: "from the future", mid });
    const messaging = payload.entry[0]!.messaging[0]! as { timestamp: number };
    messaging.timestamp = Date.UTC(2100, 0, 1);
    (payload.entry[0] as { time: number }).time = Date.UTC(2100, 0, 1);
    await deliver(payload);
    const message = await db.message.findFirstOrThrow({ where: { externalId: mid }, include: { conversation: true } });
    expect(message.sentAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(message.sentAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(message.conversation.lastMessageAt!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("points next-auth's answers at this app's own address when NEXTAUTH_URL is unset", async () => {
    const bare = await startApp({ env: { NEXTAUTH_URL: "" } });
    try {
      const { status, setCookies } = await signInSetCookies(bare.url, TEST_ADMIN.email, TEST_ADMIN.password);
      expect(status).toBe(200);
      expect(setCookies.some((cookie) => cookie.includes("session-token="))).toBe(true);
      const csrf = await fetch(`${bare.url}/api/auth/csrf`);
      const cookie = csrf.headers.getSetCookie().map((value) => value.split(";")[0]).join("; ");
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const answer = await fetch(`${bare.url}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", cookie, "X-Forwarded-Host": "evil.example" },
        body: new URLSearchParams({ csrfToken, email: TEST_ADMIN.email, password: TEST_ADMIN.password, json: "true" }),
      });
      expect(((await answer.json()) as { url: string }).url.startsWith(bare.url)).toBe(true);
    } finally {
      await bare.stop();
    }
  });

  it.runIf(TEST_DATABASE === "postgres")("answers 503 from /api/health while the database is read-only", async () => {
    const url = new URL(app.databaseUrl);
    const name = url.pathname.slice(1);
    const adminUrl = new URL(process.env.TEST_POSTGRES_URL!);
    const client = new pg.Client({ connectionString: adminUrl.toString() });
    await client.connect();
    // New sessions start read-only; the app's open ones are ended so its pool reconnects into that.
    const reconnectInto = async (readOnly: boolean) => {
      await client.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = ${readOnly ? "on" : "off"}`);
      await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
    };
    try {
      await db.$disconnect();
      await reconnectInto(true);
      let status = 0;
      for (let attempt = 0; attempt < 5 && status !== 503; attempt++) status = (await fetch(`${app.url}/api/health`)).status;
      expect(status).toBe(503);
      await reconnectInto(false);
      for (let attempt = 0; attempt < 5 && status !== 200; attempt++) status = (await fetch(`${app.url}/api/health`)).status;
      expect(status).toBe(200);
    } finally {
      await client.end();
    }
  });
});
