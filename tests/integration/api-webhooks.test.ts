// Issue 16 end to end against the built app, on SQLite or (TEST_DATABASE=postgres) PostgreSQL: API
// tokens (scopes, revocation, rate limit), every /api/v1 route with bad input and the messaging
// window, responses validated against the served OpenAPI document, and outgoing webhooks (signed,
// verified independently, retried, disabled, replayed, SSRF-fenced, surviving a kill).
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook, whatsappStatus, whatsappText } from "../../scripts/meta-sim/payloads";
import { callApi } from "../helpers/api";
import { startApp, TEST_ADMIN, type RunningApp } from "../helpers/app";
import { eventProcessed, openDatabase, waitFor } from "../helpers/database";
import { startPipeline, type Pipeline } from "../helpers/pipeline";
import { createUser, signIn } from "../helpers/session";
import { verifyStandardWebhook } from "../helpers/standard-webhooks-verify";
import { startWebhookReceiver, type WebhookReceiver } from "../helpers/webhook-receiver";

const APP_SECRET = "whatsapp-app-secret-for-tests";
const PHONE = "106540352242922";
const CHANNEL_ENV = {
  WHATSAPP_APP_SECRET: APP_SECRET,
  WHATSAPP_VERIFY_TOKEN: "verify",
  WHATSAPP_PHONE_NUMBER_ID: PHONE,
  WHATSAPP_BUSINESS_ACCOUNT_ID: "102290129340398",
  WHATSAPP_ACCESS_TOKEN: "whatsapp-access-token",
};
const FAST_WEBHOOKS = {
  WEBHOOKS_ALLOW_PRIVATE_URLS: "true",
  WEBHOOKS_RETRY_BASE_MS: "50",
  WEBHOOKS_DISABLE_AFTER_MS: "1500",
  WEBHOOKS_TIMEOUT_MS: "2000",
  JOBS_POLL_INTERVAL_MS: "100",
  API_RATE_LIMIT: "500",
};
const AGENT = { name: "Avery Agent", email: "avery@example.com", password: "avery-password-1", role: "AGENT" as const };
const ALL_EVENTS = ["message.received", "message.sent", "message.status_changed", "lead.created", "lead.updated", "conversation.assigned"];

let pipeline: Pipeline;
let app: RunningApp;
let cookie: string;
let receiver: WebhookReceiver;
let openapi: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> };
const ajv = new Ajv2020({ strict: false, validateFormats: false });

beforeAll(async () => {
  receiver = await startWebhookReceiver({ flakyFailures: 2 });
  pipeline = await startPipeline({ graphPort: 0, env: { ...CHANNEL_ENV, ...FAST_WEBHOOKS } });
  ({ app, cookie } = pipeline);
  await createUser(app, AGENT);
  openapi = (await (await fetch(`${app.url}/api/v1/openapi.json`)).json()) as typeof openapi;
});

afterAll(async () => {
  await pipeline?.stop();
  await receiver?.close();
});

async function createToken(scope: "read" | "read_write", name = `${scope} token`) {
  const res = await callApi(app.url, cookie, "POST", "/api/settings/api-tokens", { name, scope });
  expect(res.status).toBe(201);
  return res.body as { id: string; token: string };
}

async function v1(token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${app.url}/api/v1${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** The response must match the OpenAPI document's schema for its route, method and status. */
function expectMatchesOpenApi(pathTemplate: string, method: string, status: number, body: unknown) {
  const schema = openapi.paths[pathTemplate]?.[method]?.responses[String(status)]?.content?.["application/json"]?.schema;
  expect(schema, `${method} ${pathTemplate} ${status} is documented`).toBeDefined();
  const validate = ajv.compile(schema!);
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

async function inboundText(from: string, text: string) {
  const payload = whatsappText({ from, name: `Customer ${from.slice(-3)}`, text, phoneNumberId: PHONE });
  const res = await postWebhook({ appUrl: app.url, channel: "whatsapp", payload, appSecret: APP_SECRET });
  expect(res.status).toBe(200);
  await eventProcessed(pipeline.db, ((await res.json()) as { eventId: string }).eventId);
  return pipeline.db.conversation.findFirstOrThrow({ where: { contact: { externalId: from } }, select: { id: true, leadId: true } });
}

describe("API tokens", () => {
  it("are created by admins only, listed without secrets, and work on /api/v1 only", async () => {
    const { id, token } = await createToken("read", "CRM sync");
    expect(token).toMatch(/^uit_/);
    const list = await callApi(app.url, cookie, "GET", "/api/settings/api-tokens");
    expect(list.status).toBe(200);
    expect(list.body.tokens.find((row: { id: string }) => row.id === id)).toMatchObject({ name: "CRM sync", scope: "read", createdBy: { email: TEST_ADMIN.email } });
    expect(list.text).not.toContain(token);
    expect(list.text).not.toContain(token.slice(12));

    const agentCookie = await signIn(app.url, AGENT.email, AGENT.password);
    expect((await callApi(app.url, agentCookie, "POST", "/api/settings/api-tokens", { name: "x", scope: "read" })).status).toBe(403);
    const bad = await callApi(app.url, cookie, "POST", "/api/settings/api-tokens", { name: "", scope: "admin" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");

    expect((await v1(token, "GET", "/leads")).status).toBe(200);
    // A token is no session: the app's own routes refuse it.
    const onSessionRoute = await fetch(`${app.url}/api/leads`, { headers: { authorization: `Bearer ${token}` } });
    expect(onSessionRoute.status).toBe(401);
    // A session is no token: /api/v1 refuses the cookie.
    const withCookie = await fetch(`${app.url}/api/v1/leads`, { headers: { cookie } });
    expect(withCookie.status).toBe(401);
    expect(((await withCookie.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
    expect((await v1("uit_not-a-real-token", "GET", "/leads")).status).toBe(401);

    const used = await callApi(app.url, cookie, "GET", "/api/settings/api-tokens");
    expect(used.body.tokens.find((row: { id: string }) => row.id === id).lastUsedAt).not.toBeNull();
  });

  it("is refused at once when revoked, and both steps are audited", async () => {
    const { id, token } = await createToken("read_write", "to revoke");
    expect((await v1(token, "GET", "/conversations")).status).toBe(200);
    expect((await callApi(app.url, cookie, "DELETE", `/api/settings/api-tokens/${id}`)).status).toBe(200);
    expect((await v1(token, "GET", "/conversations")).status).toBe(401);
    expect((await callApi(app.url, cookie, "DELETE", `/api/settings/api-tokens/${id}`)).status).toBe(404);
    const audit = await callApi(app.url, cookie, "GET", "/api/settings/audit?scope=api-token");
    const actions = audit.body.entries.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["api-token.create", "api-token.revoke"]));
    expect(audit.text).not.toContain(token);
  });

  it("read tokens get 403 on writes", async () => {
    const { token } = await createToken("read");
    const conversation = await inboundText("351910000001", "Hello from a read test");
    const patch = await v1(token, "PATCH", `/leads/${conversation.leadId}`, { status: "QUALIFIED" });
    expect(patch.status).toBe(403);
    expectMatchesOpenApi("/api/v1/leads/{id}", "patch", 403, patch.body);
    expect((await v1(token, "POST", `/conversations/${conversation.id}/messages`, { text: "hi" })).status).toBe(403);
    expect((await pipeline.db.lead.findUniqueOrThrow({ where: { id: conversation.leadId } })).status).toBe("NEW");
  });
});

describe("REST API v1", () => {
  it("lists and reads leads and conversations as the app does, matching the OpenAPI document", async () => {
    const { token } = await createToken("read");
    const conversation = await inboundText("351910000002", "Quote for 3 chairs?");

    const leads = await v1(token, "GET", "/leads?limit=10&sort=createdAt");
    expect(leads.status).toBe(200);
    expectMatchesOpenApi("/api/v1/leads", "get", 200, leads.body);
    expect(leads.body.leads.map((lead: { id: string }) => lead.id)).toContain(conversation.leadId);
    const filtered = await v1(token, "GET", "/leads?status=WON");
    expect(filtered.body.leads.every((lead: { status: string }) => lead.status === "WON")).toBe(true);

    const lead = await v1(token, "GET", `/leads/${conversation.leadId}`);
    expect(lead.status).toBe(200);
    expectMatchesOpenApi("/api/v1/leads/{id}", "get", 200, lead.body);

    const conversations = await v1(token, "GET", "/conversations?channel=whatsapp&filter=open");
    expect(conversations.status).toBe(200);
    expectMatchesOpenApi("/api/v1/conversations", "get", 200, conversations.body);
    expect(conversations.body.conversations.map((row: { id: string }) => row.id)).toContain(conversation.id);

    const messages = await v1(token, "GET", `/conversations/${conversation.id}/messages`);
    expect(messages.status).toBe(200);
    expectMatchesOpenApi("/api/v1/conversations/{id}/messages", "get", 200, messages.body);
    expect(messages.body.messages.at(-1).text).toBe("Quote for 3 chairs?");
  });

  it("refuses bad input with 4xx JSON and changes nothing", async () => {
    const { token } = await createToken("read_write");
    const conversation = await inboundText("351910000003", "Bad input test");
    const cases = [
      { res: await v1(token, "GET", "/leads?limit=0"), status: 422, route: ["/api/v1/leads", "get"] },
      { res: await v1(token, "GET", "/leads?status=MAYBE"), status: 422, route: ["/api/v1/leads", "get"] },
      { res: await v1(token, "GET", "/conversations?filter=everything"), status: 422, route: ["/api/v1/conversations", "get"] },
      { res: await v1(token, "GET", "/leads/nope"), status: 404, route: ["/api/v1/leads/{id}", "get"] },
      { res: await v1(token, "GET", "/conversations/nope/messages"), status: 404, route: ["/api/v1/conversations/{id}/messages", "get"] },
      { res: await v1(token, "PATCH", `/leads/${conversation.leadId}`, {}), status: 422, route: ["/api/v1/leads/{id}", "patch"] },
      { res: await v1(token, "PATCH", `/leads/${conversation.leadId}`, { value: -5 }), status: 422, route: ["/api/v1/leads/{id}", "patch"] },
      { res: await v1(token, "PATCH", `/leads/${conversation.leadId}`, "{not json"), status: 400, route: ["/api/v1/leads/{id}", "patch"] },
      { res: await v1(token, "POST", `/conversations/${conversation.id}/messages`, { text: "" }), status: 422, route: ["/api/v1/conversations/{id}/messages", "post"] },
      { res: await v1(token, "POST", `/conversations/${conversation.id}/messages`, { text: "hi", attachmentId: "x" }), status: 422, route: ["/api/v1/conversations/{id}/messages", "post"] },
      { res: await v1(token, "POST", "/conversations/nope/messages", { text: "hi" }), status: 404, route: ["/api/v1/conversations/{id}/messages", "post"] },
    ];
    for (const { res, status, route } of cases) {
      expect(res.status).toBe(status);
      expectMatchesOpenApi(route[0]!, route[1]!, status, res.body);
    }
    expect(await pipeline.db.message.count({ where: { conversationId: conversation.id, direction: "OUTBOUND" } })).toBe(0);
    expect((await pipeline.db.lead.findUniqueOrThrow({ where: { id: conversation.leadId } })).value).toBeNull();
  });

  it("updates a lead and sends a reply as the token's creator, once per Idempotency-Key", async () => {
    const { token } = await createToken("read_write");
    const conversation = await inboundText("351910000004", "Send me the price");
    const patch = await v1(token, "PATCH", `/leads/${conversation.leadId}`, { status: "QUALIFIED", value: 12_500 });
    expect(patch.status).toBe(200);
    expectMatchesOpenApi("/api/v1/leads/{id}", "patch", 200, patch.body);
    expect(patch.body.lead).toMatchObject({ status: "QUALIFIED", value: 12_500 });

    pipeline.graph.reset();
    const headers = { "idempotency-key": "reply-1" };
    const first = await v1(token, "POST", `/conversations/${conversation.id}/messages`, { text: "It is 125 EUR" }, headers);
    expect(first.status).toBe(201);
    expectMatchesOpenApi("/api/v1/conversations/{id}/messages", "post", 201, first.body);
    const again = await v1(token, "POST", `/conversations/${conversation.id}/messages`, { text: "It is 125 EUR" }, headers);
    expect(again.status).toBe(201);
    expect(again.body.message.id).toBe(first.body.message.id);
    expect(pipeline.graph.requests().filter((request) => request.method === "POST" && request.path.includes("/messages"))).toHaveLength(1);
    const admin = await pipeline.db.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } });
    expect((await pipeline.db.message.findUniqueOrThrow({ where: { id: first.body.message.id } })).sentById).toBe(admin.id);
  });

  it("keeps the inbox's messaging window: closed after 24 h, same error as the inbox", async () => {
    const { token } = await createToken("read_write");
    const conversation = await inboundText("351910000005", "Old message");
    await pipeline.db.conversation.update({ where: { id: conversation.id }, data: { lastInboundAt: new Date(Date.now() - 25 * 3_600_000) } });
    const res = await v1(token, "POST", `/conversations/${conversation.id}/messages`, { text: "Too late?" });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("MESSAGING_WINDOW_CLOSED");
    expectMatchesOpenApi("/api/v1/conversations/{id}/messages", "post", 422, res.body);
    const inbox = await callApi(app.url, cookie, "POST", `/api/inbox/conversations/${conversation.id}/reply`, { text: "Too late?" });
    expect(inbox.status).toBe(422);
    expect(inbox.body.error).toEqual(res.body.error);
  });

  it("rate-limits each token with 429 and Retry-After", async () => {
    const limited = await startApp({ env: { API_RATE_LIMIT: "3" } });
    try {
      const adminCookie = await signIn(limited.url, TEST_ADMIN.email, TEST_ADMIN.password);
      const created = await callApi(limited.url, adminCookie, "POST", "/api/settings/api-tokens", { name: "busy", scope: "read" });
      const other = await callApi(limited.url, adminCookie, "POST", "/api/settings/api-tokens", { name: "quiet", scope: "read" });
      const call = (token: string) => fetch(`${limited.url}/api/v1/leads`, { headers: { authorization: `Bearer ${token}` } });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(created.body.token)).status);
      // Unless the window turned over between calls, the fourth is refused.
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      const refused = await call(created.body.token);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
      // Another token has its own window.
      expect((await call(other.body.token)).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });

  it("serves an OpenAPI 3.1 document and the reference page", async () => {
    const doc = await fetch(`${app.url}/api/v1/openapi.json`);
    expect(doc.status).toBe(200);
    expect(openapi).toMatchObject({ openapi: "3.1.0" });
    expect(Object.keys(openapi.paths).sort()).toEqual(["/api/v1/conversations", "/api/v1/conversations/{id}/messages", "/api/v1/leads", "/api/v1/leads/{id}"]);
    const page = await fetch(`${app.url}/api/v1/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toMatch(/https?:\/\/(cdn|unpkg|fonts)\./);
  });
});

describe("outgoing webhooks", () => {
  async function createEndpoint(path: string, events = ALL_EVENTS) {
    const res = await callApi(app.url, cookie, "POST", "/api/settings/webhooks", { url: `${receiver.url}${path}`, events });
    expect(res.status).toBe(201);
    expect(res.body.secret).toMatch(/^whsec_/);
    return res.body as { id: string; secret: string };
  }

  it("delivers each event type signed per Standard Webhooks, with a stable webhook-id", async () => {
    const endpoint = await createEndpoint("/ok");
    const { token } = await createToken("read_write");
    const conversation = await inboundText("351910000006", "Hi, webhook!");
    await v1(token, "PATCH", `/leads/${conversation.leadId}`, { status: "CONTACTED" });
    const sent = await v1(token, "POST", `/conversations/${conversation.id}/messages`, { text: "Hello back" });
    expect(sent.status).toBe(201);
    const admin = await pipeline.db.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } });
    expect((await callApi(app.url, cookie, "PATCH", `/api/inbox/conversations/${conversation.id}`, { assigneeId: admin.id })).status).toBe(200);
    const wamid = (await pipeline.db.message.findUniqueOrThrow({ where: { id: sent.body.message.id } })).externalId!;
    const status = whatsappStatus({ messageId: wamid, status: "delivered", phoneNumberId: PHONE, recipientId: "351910000006" });
    const res = await postWebhook({ appUrl: app.url, channel: "whatsapp", payload: status, appSecret: APP_SECRET });
    await eventProcessed(pipeline.db, ((await res.json()) as { eventId: string }).eventId);

    const mine = () => receiver.received.filter((request) => request.path === "/ok" && JSON.parse(request.body).data);
    const types = await waitFor(() => {
      const seen = new Set(mine().map((request) => JSON.parse(request.body).type as string));
      return ALL_EVENTS.every((type) => seen.has(type)) ? seen : undefined;
    }, "every event type delivered");
    expect([...types].sort()).toEqual([...ALL_EVENTS].sort());
    for (const request of mine()) {
      expect(verifyStandardWebhook(endpoint.secret, request.headers, request.body)).toBe(true);
      expect(verifyStandardWebhook(endpoint.secret, request.headers, `${request.body} `)).toBe(false);
      const payload = JSON.parse(request.body);
      expect(Object.keys(payload).sort()).toEqual(["createdAt", "data", "id", "type"]);
      expect(request.headers["webhook-id"]).toBe(payload.id);
    }
    const received = mine().find((request) => JSON.parse(request.body).type === "message.received")!;
    expect(JSON.parse(received.body).data.message).toMatchObject({ text: "Hi, webhook!", conversationId: conversation.id, direction: "INBOUND" });

    const log = await callApi(app.url, cookie, "GET", `/api/settings/webhooks/${endpoint.id}/deliveries`);
    expect(log.status).toBe(200);
    expect(log.body.deliveries[0]).toMatchObject({ status: "delivered", lastStatusCode: 200, lastResponse: "thanks" });
    expect(log.text).not.toContain(endpoint.secret);
    const list = await callApi(app.url, cookie, "GET", "/api/settings/webhooks");
    expect(list.text).not.toContain(endpoint.secret.slice(6));
    await callApi(app.url, cookie, "DELETE", `/api/settings/webhooks/${endpoint.id}`);
  });

  it("tells subscribers of merges, splits and bulk changes as lead events", async () => {
    const endpoint = await createEndpoint("/lead-moves", ["lead.created", "lead.updated"]);
    const first = await inboundText("351910000021", "Merge me");
    const second = await inboundText("351910000022", "And me");
    expect((await callApi(app.url, cookie, "POST", `/api/leads/${first.leadId}/merge`, { leadId: second.leadId })).status).toBe(200);
    const secondContact = await pipeline.db.contact.findFirstOrThrow({ where: { externalId: "351910000022" } });
    const split = await callApi(app.url, cookie, "POST", `/api/leads/${first.leadId}/split`, { contactId: secondContact.id });
    expect(split.status).toBe(200);
    expect((await callApi(app.url, cookie, "POST", "/api/leads/bulk", { ids: [first.leadId], status: "QUALIFIED" })).status).toBe(200);

    type Payload = { type: string; data: { lead: { id: string }; changes?: Record<string, unknown> } };
    const events = () => receiver.received.filter((request) => request.path === "/lead-moves").map((request) => JSON.parse(request.body) as Payload);
    const about = (leadId: string, type: string, change: string) =>
      events().some((event) => event.type === type && event.data.lead.id === leadId && (change === "" || event.data.changes?.[change] !== undefined));
    await waitFor(
      () => about(first.leadId, "lead.updated", "mergedLeadId") && about(split.body.newLead.id, "lead.created", "") && about(first.leadId, "lead.updated", "splitContactId") && about(first.leadId, "lead.updated", "status"),
      "merge, split and bulk change delivered",
    );
    await callApi(app.url, cookie, "DELETE", `/api/settings/webhooks/${endpoint.id}`);
  });

  it("retries a failing receiver with the same webhook-id until it succeeds; replays on demand", async () => {
    const endpoint = await createEndpoint("/flaky", ["lead.updated"]);
    const { token } = await createToken("read_write");
    const conversation = await inboundText("351910000007", "Flaky");
    await v1(token, "PATCH", `/leads/${conversation.leadId}`, { value: 100 });
    const attempts = await waitFor(() => {
      const hits = receiver.received.filter((request) => request.path === "/flaky");
      return hits.some((hit) => hit.status === 200) ? hits : undefined;
    }, "the flaky receiver to succeed");
    expect(attempts.map((hit) => hit.status)).toEqual([503, 503, 200]);
    expect(new Set(attempts.map((hit) => hit.headers["webhook-id"])).size).toBe(1);
    const log = await callApi(app.url, cookie, "GET", `/api/settings/webhooks/${endpoint.id}/deliveries`);
    expect(log.body.deliveries[0]).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200 });

    const replay = await callApi(app.url, cookie, "POST", `/api/settings/webhooks/${endpoint.id}/deliveries/${log.body.deliveries[0].id}/replay`);
    expect(replay.status).toBe(202);
    await waitFor(() => receiver.received.filter((request) => request.path === "/flaky").length === 4, "the replay");
    expect(receiver.received.filter((request) => request.path === "/flaky").at(-1)!.headers["webhook-id"]).toBe(attempts[0]!.headers["webhook-id"]);
    await callApi(app.url, cookie, "DELETE", `/api/settings/webhooks/${endpoint.id}`);
  });

  it("disables an endpoint that keeps failing, tells admins, and logs each attempt", async () => {
    const endpoint = await createEndpoint("/fail", ["lead.updated"]);
    const { token } = await createToken("read_write");
    const conversation = await inboundText("351910000008", "Failing");
    await v1(token, "PATCH", `/leads/${conversation.leadId}`, { value: 200 });
    const disabled = await waitFor(async () => {
      const list = await callApi(app.url, cookie, "GET", "/api/settings/webhooks");
      const row = list.body.endpoints.find((entry: { id: string }) => entry.id === endpoint.id);
      return row.enabled ? undefined : row;
    }, "the endpoint to be disabled", 20_000);
    expect(disabled.disabledReason).toMatch(/every delivery failed/);
    const log = await callApi(app.url, cookie, "GET", `/api/settings/webhooks/${endpoint.id}/deliveries`);
    expect(log.body.deliveries[0]).toMatchObject({ status: "failed", lastStatusCode: 500 });
    expect(log.body.deliveries[0].attempts).toBeGreaterThan(1);
    expect(log.body.deliveries[0].lastResponse).toContain("receiver failed on purpose");
    const audit = await callApi(app.url, cookie, "GET", "/api/settings/audit?scope=webhook");
    expect(audit.body.entries.map((entry: { action: string }) => entry.action)).toContain("webhook.disable");
    const hits = receiver.received.filter((request) => request.path === "/fail").length;
    await v1(token, "PATCH", `/leads/${conversation.leadId}`, { value: 300 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received.filter((request) => request.path === "/fail")).toHaveLength(hits);
    await callApi(app.url, cookie, "DELETE", `/api/settings/webhooks/${endpoint.id}`);
  });

  it("refuses bad endpoint input with 4xx JSON", async () => {
    for (const body of [{ url: "ftp://example.com", events: ["lead.updated"] }, { url: "https://example.com", events: [] }, { url: "https://example.com", events: ["lead.deleted"] }, {}]) {
      const res = await callApi(app.url, cookie, "POST", "/api/settings/webhooks", body);
      expect(res.status).toBe(422);
    }
    expect((await callApi(app.url, cookie, "PATCH", "/api/settings/webhooks/nope", { enabled: true })).status).toBe(404);
    expect((await callApi(app.url, cookie, "GET", "/api/settings/webhooks/nope/deliveries")).status).toBe(404);
  });
});

describe("webhook SSRF fence (WEBHOOKS_ALLOW_PRIVATE_URLS unset)", () => {
  it("refuses private, loopback, link-local and metadata URLs at save time, and at connect time", async () => {
    const fenced = await startApp({ env: { JOBS_POLL_INTERVAL_MS: "100", WEBHOOKS_RETRY_BASE_MS: "60000" } });
    const db = openDatabase(fenced);
    try {
      const adminCookie = await signIn(fenced.url, TEST_ADMIN.email, TEST_ADMIN.password);
      for (const url of ["http://127.0.0.1:9/hook", "http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook", "http://localhost/hook", "http://192.168.0.10/hook"]) {
        const res = await callApi(fenced.url, adminCookie, "POST", "/api/settings/webhooks", { url, events: ["lead.updated"] });
        expect(res.status, url).toBe(422);
        expect(res.body.error.message).toMatch(/Refused/);
      }
      expect(await db.webhookEndpoint.count()).toBe(0);

      // A row that slipped past the save check (or DNS that changed since) is refused when connecting.
      const local = await startWebhookReceiver();
      try {
        const saved = await callApi(fenced.url, adminCookie, "POST", "/api/settings/webhooks", { url: "https://93.184.216.34/hook", events: ["lead.updated"] }); // a public address literal: no DNS here
        expect(saved.status).toBe(201);
        await db.webhookEndpoint.update({ where: { id: saved.body.id }, data: { url: `${local.url}/ok` } });
        const lead = await db.lead.create({ data: {} });
        await new Promise((resolve) => setTimeout(resolve, 5_100)); // the subscription cache's lifetime
        expect((await callApi(fenced.url, adminCookie, "PATCH", `/api/leads/${lead.id}`, { value: 5 })).status).toBe(200);
        const delivery = await waitFor(() => db.webhookDelivery.findFirst({ where: { endpointId: saved.body.id, attempts: { gt: 0 } } }), "an attempt");
        expect(delivery.lastResponse).toMatch(/Refused: 127\.0\.0\.1 is a private or reserved address/);
        expect(local.received).toHaveLength(0);
      } finally {
        await local.close();
      }
    } finally {
      await db.$disconnect();
      await fenced.stop();
    }
  });
});

describe("outbox durability", () => {
  it("loses no event when the app is killed before delivering, and delivers each once more after restart", async () => {
    const receiverPort = (await startWebhookReceiver().then(async (probe) => (await probe.close(), probe.port)));
    // A delivery mid-attempt when the app dies stays claimed until its lease (timeout + 10 s) lapses.
    // Disabling is not under test here: the receiver is down for longer than FAST_WEBHOOKS' 1.5 s on a slow run.
    const fastLease = { ...FAST_WEBHOOKS, WEBHOOKS_RETRY_BASE_MS: "200", WEBHOOKS_TIMEOUT_MS: "500", WEBHOOKS_DISABLE_AFTER_MS: "600000" };
    const first = await startApp({ env: fastLease });
    const db = openDatabase(first);
    let second: RunningApp | undefined;
    let late: WebhookReceiver | undefined;
    try {
      const adminCookie = await signIn(first.url, TEST_ADMIN.email, TEST_ADMIN.password);
      await callApi(first.url, adminCookie, "POST", "/api/settings/webhooks", { url: `http://127.0.0.1:${receiverPort}/ok`, events: ["lead.updated"] });
      const leads = await Promise.all(Array.from({ length: 5 }, () => db.lead.create({ data: {} })));
      for (const [index, lead] of leads.entries()) {
        expect((await callApi(first.url, adminCookie, "PATCH", `/api/leads/${lead.id}`, { value: index + 1 })).status).toBe(200);
      }
      // The receiver is down: every delivery is committed and pending when the app dies.
      expect(await db.webhookEvent.count()).toBe(5);
      await first.crash();
      late = await startWebhookReceiver({ port: receiverPort });
      second = await startApp({ dataDir: first.dataDir, env: { ...fastLease, DATABASE_URL: first.databaseUrl } });
      await waitFor(() => new Set(late!.received.map((request) => request.headers["webhook-id"])).size === 5 || undefined, "all five events after the restart", 40_000);
      const ids = late.received.map((request) => JSON.parse(request.body).id as string);
      expect(new Set(ids)).toEqual(new Set((await db.webhookEvent.findMany({ select: { id: true } })).map((row) => row.id)));
      await waitFor(async () => (await db.webhookDelivery.count({ where: { status: "delivered" } })) === 5 || undefined, "deliveries marked delivered");
    } finally {
      await db.$disconnect();
      await second?.stop();
      await late?.close();
      await first.stop().catch(() => undefined);
    }
  }, 90_000);
});
