// Two Instagram accounts at once, one connected through Facebook Login (page token, graph.facebook.com)
// and one through Instagram Login (Instagram user token, graph.instagram.com), each with its own Meta
// app: webhooks on the shared callback URL are routed and verified per account, replies and profile
// lookups go to the right Graph base with the right token, and repeated 190s raise the reconnect
// banner for that account only. Two fake Graph APIs stand in for the two Graph hosts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { igsidFor, instagramText, postWebhook, signPayload } from "../../scripts/meta-sim/payloads";
import { startFakeGraph, type FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import { callApi } from "../helpers/api";
import { startApp, TEST_ADMIN, type RunningApp } from "../helpers/app";
import { eventProcessed, openDatabase, waitFor } from "../helpers/database";
import { signIn } from "../helpers/session";

const FACEBOOK = {
  key: "instagram",
  accountId: "17841400000000011",
  pageId: "106000000000011",
  token: "EAAG-page-token-facebook-login-0011",
  secret: "facebook-login-app-secret",
  verifyToken: "facebook-login-verify",
};
const INSTAGRAM = {
  key: "instagram-2",
  accountId: "17841400000000022",
  token: "IGAA-user-token-instagram-login-0022",
  secret: "instagram-login-app-secret",
  verifyToken: "instagram-login-verify",
};

let facebookGraph: FakeGraph;
let instagramGraph: FakeGraph;
let app: RunningApp;
let db: PrismaClient;
let cookie: string;

const api = (method: string, path: string, body?: unknown) => callApi(app.url, cookie, method, path, body);

beforeAll(async () => {
  facebookGraph = await startFakeGraph({ port: 0, instagramAccountId: FACEBOOK.accountId });
  instagramGraph = await startFakeGraph({ port: 0, instagramAccountId: INSTAGRAM.accountId });
  app = await startApp({ env: { META_GRAPH_API_URL: facebookGraph.url, INSTAGRAM_GRAPH_API_URL: instagramGraph.url } });
  db = openDatabase(app);
  cookie = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);

  const first = await api("PUT", "/api/settings/integrations/instagram", {
    loginVariant: "facebook",
    accessToken: FACEBOOK.token,
    appSecret: FACEBOOK.secret,
    webhookVerifyToken: FACEBOOK.verifyToken,
    pageId: FACEBOOK.pageId,
    instagramAccountId: FACEBOOK.accountId,
  });
  expect(first.status).toBe(200);
  const added = await api("POST", "/api/settings/integrations", { channel: "instagram", loginVariant: "instagram" });
  expect(added.status).toBe(201);
  expect(added.body.integration).toMatchObject({ key: INSTAGRAM.key, loginVariant: "instagram", enabled: false, source: "none" });
  const second = await api("PUT", `/api/settings/integrations/${INSTAGRAM.key}`, {
    loginVariant: "instagram",
    accessToken: INSTAGRAM.token,
    appSecret: INSTAGRAM.secret,
    webhookVerifyToken: INSTAGRAM.verifyToken,
    instagramAccountId: INSTAGRAM.accountId,
  });
  expect(second.status).toBe(200);
});

afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
  await facebookGraph?.close();
  await instagramGraph?.close();
});

beforeEach(() => {
  facebookGraph.reset();
  instagramGraph.reset();
});

/** A customer writes to one of the accounts, via a real webhook signed with `secret`. */
async function customerWrites(account: { accountId: string }, name: string, secret: string) {
  const igsid = igsidFor(name);
  const res = await postWebhook({
    appUrl: app.url,
    channel: "instagram",
    payload: instagramText({ accountId: account.accountId, senderId: igsid, text: `hi from ${name}` }),
    appSecret: secret,
  });
  return { igsid, res };
}

async function conversationWith(account: typeof FACEBOOK | typeof INSTAGRAM, name: string) {
  const { igsid, res } = await customerWrites(account, name, account.secret);
  expect(res.status).toBe(200);
  expect((await eventProcessed(db, (await res.json()).eventId)).status).toBe("PROCESSED");
  const conversation = await db.conversation.findFirstOrThrow({ where: { contact: { externalId: igsid } } });
  return { igsid, conversationId: conversation.id, businessAccountId: conversation.businessAccountId };
}

const sends = (graph: FakeGraph) => graph.requests().filter((request) => request.method === "POST" && request.path.endsWith("/messages"));

function reply(conversationId: string, text: string) {
  return api("POST", `/api/inbox/conversations/${conversationId}/reply`, { text });
}

describe("Instagram accounts through Facebook Login and Instagram Login at once", () => {
  it("Settings lists both accounts with their login variant and masked secrets only", async () => {
    const { status, text, body } = await api("GET", "/api/settings/integrations");
    expect(status).toBe(200);
    const byKey = Object.fromEntries(body.integrations.map((integration: { key: string }) => [integration.key, integration]));
    expect(byKey.instagram).toMatchObject({ channel: "instagram", label: "Instagram", loginVariant: "facebook", source: "database", enabled: true });
    expect(byKey["instagram-2"]).toMatchObject({
      channel: "instagram",
      label: "Instagram (2)",
      loginVariant: "instagram",
      source: "database",
      enabled: true,
      pageId: "",
      instagramAccountId: INSTAGRAM.accountId,
      callbackUrl: expect.stringMatching(/\/api\/webhooks\/instagram$/),
      tokenExpiresAt: null,
      tokenRefreshedAt: expect.any(String),
    });
    for (const secret of [FACEBOOK.token, FACEBOOK.secret, INSTAGRAM.token, INSTAGRAM.secret]) expect(text).not.toContain(secret);
  });

  it("tests each connection against its own Graph host: /me with fields=user_id,username for Instagram Login", async () => {
    const instagramTest = await api("POST", `/api/settings/integrations/${INSTAGRAM.key}/test`);
    expect(instagramTest.body).toMatchObject({ ok: true, connectedAs: "@demo.furniture" });
    const [probe] = instagramGraph.requests();
    expect(probe.path).toBe("/v21.0/me");
    expect(probe.query.fields).toBe("user_id,username");
    expect(probe.headers.authorization).toBe(`Bearer ${INSTAGRAM.token}`);

    const facebookTest = await api("POST", "/api/settings/integrations/instagram/test");
    expect(facebookTest.body).toMatchObject({ ok: true });
    expect(facebookGraph.requests()[0].headers.authorization).toBe(`Bearer ${FACEBOOK.token}`);
    expect(instagramGraph.requests()).toHaveLength(1);
  });

  it("answers either account's webhook handshake with its own verify token", async () => {
    for (const verifyToken of [FACEBOOK.verifyToken, INSTAGRAM.verifyToken]) {
      const res = await fetch(`${app.url}/api/webhooks/instagram?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=c-${verifyToken}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(`c-${verifyToken}`);
    }
    const wrong = await fetch(`${app.url}/api/webhooks/instagram?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=x`);
    expect(wrong.status).toBe(403);
  });

  it("routes each account's webhook by recipient id and fetches the profile with that account's token and host", async () => {
    const viaInstagram = await conversationWith(INSTAGRAM, "variants.ig.ana");
    expect(viaInstagram.businessAccountId).toBe(INSTAGRAM.accountId);
    const profile = await waitFor(() => instagramGraph.requests().find((request) => request.path === `/v21.0/${viaInstagram.igsid}`), "profile lookup");
    expect(profile.headers.authorization).toBe(`Bearer ${INSTAGRAM.token}`);

    const viaFacebook = await conversationWith(FACEBOOK, "variants.fb.bea");
    expect(viaFacebook.businessAccountId).toBe(FACEBOOK.accountId);
    const facebookProfile = await waitFor(() => facebookGraph.requests().find((request) => request.path === `/v21.0/${viaFacebook.igsid}`), "profile lookup");
    expect(facebookProfile.headers.authorization).toBe(`Bearer ${FACEBOOK.token}`);
    expect(instagramGraph.requests().some((request) => request.path.includes(viaFacebook.igsid))).toBe(false);
  });

  it("refuses a delivery signed with the other account's secret: 401, nothing stored", async () => {
    const before = await db.externalEventLog.count();
    for (const [account, wrongSecret] of [[INSTAGRAM, FACEBOOK.secret], [FACEBOOK, INSTAGRAM.secret]] as const) {
      const { igsid, res } = await customerWrites(account, `variants.forged.${account.key}`, wrongSecret);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: "INVALID_SIGNATURE", message: "Invalid signature" } });
      expect(await db.contact.count({ where: { externalId: igsid } })).toBe(0);
    }
    expect(await db.externalEventLog.count()).toBe(before);
  });

  it("refuses a delivery whose signer owns one of its entries but not another: 401, nothing stored from either", async () => {
    const before = await db.externalEventLog.count();
    const own = instagramText({ accountId: INSTAGRAM.accountId, senderId: igsidFor("variants.cross.own"), text: "mine" });
    const foreign = instagramText({ accountId: FACEBOOK.accountId, senderId: igsidFor("variants.cross.foreign"), text: "planted" });
    const body = JSON.stringify({ ...own, entry: [...own.entry, ...foreign.entry] });
    const res = await fetch(`${app.url}/api/webhooks/instagram`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Hub-Signature-256": signPayload(body, INSTAGRAM.secret) },
      body,
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("INVALID_SIGNATURE");
    expect(await db.contact.count({ where: { externalId: { in: [igsidFor("variants.cross.own"), igsidFor("variants.cross.foreign")] } } })).toBe(0);
    expect(await db.externalEventLog.count()).toBe(before);
    expect(app.logs()).toMatch(new RegExp(`addresses account\\(s\\) ${FACEBOOK.accountId}`));
  });

  it("verifies a delivery for an account id nobody saved against every account's secret", async () => {
    const unknownAccount = { accountId: "17841400000000099" };
    const signedByInstagramApp = await customerWrites(unknownAccount, "variants.unknown.ok", INSTAGRAM.secret);
    expect(signedByInstagramApp.res.status).toBe(200);
    const forged = await customerWrites(unknownAccount, "variants.unknown.forged", "someone-elses-secret");
    expect(forged.res.status).toBe(401);

    const body = JSON.stringify(instagramText({ accountId: INSTAGRAM.accountId }));
    const unsigned = await fetch(`${app.url}/api/webhooks/instagram`, { method: "POST", headers: { "Content-Type": "application/json" }, body });
    expect(unsigned.status).toBe(401);
    const signedRight = await fetch(`${app.url}/api/webhooks/instagram`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Hub-Signature-256": signPayload(body, INSTAGRAM.secret) },
      body,
    });
    expect(signedRight.status).toBe(200);
  });

  it("replies go to the conversation's own account: Graph host, path and token", async () => {
    const viaInstagram = await conversationWith(INSTAGRAM, "variants.reply.ig");
    const viaFacebook = await conversationWith(FACEBOOK, "variants.reply.fb");
    facebookGraph.reset();
    instagramGraph.reset();

    const instagramReply = await reply(viaInstagram.conversationId, "Sent through Instagram Login");
    expect(instagramReply.status).toBe(201);
    expect(instagramReply.body.message).toMatchObject({ status: "SENT" });
    const [instagramSend] = sends(instagramGraph);
    expect(instagramSend.path).toBe(`/v21.0/${INSTAGRAM.accountId}/messages`);
    expect(instagramSend.headers.authorization).toBe(`Bearer ${INSTAGRAM.token}`);
    expect(instagramSend.body).toMatchObject({ recipient: { id: viaInstagram.igsid }, message: { text: "Sent through Instagram Login" } });

    const facebookReply = await reply(viaFacebook.conversationId, "Sent through Facebook Login");
    expect(facebookReply.status).toBe(201);
    const [facebookSend] = sends(facebookGraph);
    expect(facebookSend.path).toBe(`/v21.0/${FACEBOOK.accountId}/messages`);
    expect(facebookSend.headers.authorization).toBe(`Bearer ${FACEBOOK.token}`);

    expect(sends(instagramGraph)).toHaveLength(1);
    expect(sends(facebookGraph)).toHaveLength(1);
  });

  it("repeated 190s mark only that account for reconnection, with the reason in Settings and the banner; a success resets", async () => {
    const { conversationId } = await conversationWith(INSTAGRAM, "variants.expired");
    instagramGraph.expireToken(INSTAGRAM.token);

    const first = await reply(conversationId, "attempt 1");
    expect(first.status).toBe(502);
    expect(first.body.error.code).toBe("TOKEN_EXPIRED");
    const afterOne = await db.integration.findUniqueOrThrow({ where: { name: INSTAGRAM.key } });
    expect(afterOne).toMatchObject({ tokenErrorCount: 1, needsReconnect: false, lastError: "Instagram token expired — reconnect in Settings" });
    expect((await api("GET", "/inbox")).text).not.toContain("is disconnected");

    for (const text of ["attempt 2", "attempt 3"]) expect((await reply(conversationId, text)).status).toBe(502);
    const settings = await api("GET", "/api/settings/integrations");
    const instagramLogin = settings.body.integrations.find((integration: { key: string }) => integration.key === INSTAGRAM.key);
    expect(instagramLogin).toMatchObject({ needsReconnect: true, tokenErrorCount: 3, lastError: "Instagram token expired — reconnect in Settings" });
    const facebookLogin = settings.body.integrations.find((integration: { key: string }) => integration.key === "instagram");
    expect(facebookLogin).toMatchObject({ needsReconnect: false, tokenErrorCount: 0 });
    const inbox = await api("GET", "/inbox");
    expect(inbox.text).toContain("Instagram (2) @demo.furniture is disconnected");
    expect(inbox.text).toContain("Reconnect in Settings");

    // Meta accepts the token again (say the admin re-authorised the app): the next send clears it all.
    instagramGraph.reset();
    const failed = first.body.message.id as string;
    const retried = await api("POST", `/api/inbox/messages/${failed}/retry`);
    expect(retried.status).toBe(200);
    expect(await db.integration.findUniqueOrThrow({ where: { name: INSTAGRAM.key } })).toMatchObject({
      tokenErrorCount: 0,
      needsReconnect: false,
      lastError: null,
    });
    expect((await api("GET", "/inbox")).text).not.toContain("is disconnected");
  });

  it("a disabled account's conversations are not answered with another account's token", async () => {
    const { conversationId } = await conversationWith(INSTAGRAM, "variants.disabled");
    await db.integration.update({ where: { name: INSTAGRAM.key }, data: { isEnabled: false } });
    facebookGraph.reset();
    instagramGraph.reset();
    try {
      const refused = await reply(conversationId, "through the wrong account?");
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe("CHANNEL_NOT_CONFIGURED");
      expect([...sends(facebookGraph), ...sends(instagramGraph)]).toHaveLength(0);
    } finally {
      await db.integration.update({ where: { name: INSTAGRAM.key }, data: { isEnabled: true } });
    }
  });

  it("validates account keys and the add request", async () => {
    expect((await api("PUT", "/api/settings/integrations/instagram-1", {})).status).toBe(422);
    expect((await api("POST", "/api/settings/integrations/instagram-2/import-env")).status).toBe(422);
    const badAdd = await api("POST", "/api/settings/integrations", { channel: "whatsapp" });
    expect(badAdd.status).toBe(422);
    expect(badAdd.body.error.code).toBe("VALIDATION_FAILED");
    const incomplete = await api("PUT", `/api/settings/integrations/${INSTAGRAM.key}`, { loginVariant: "instagram", pageId: FACEBOOK.pageId });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.details).toContainEqual({ field: "instagramAccountId", issue: "Enter the Instagram account id" });
  });
});
