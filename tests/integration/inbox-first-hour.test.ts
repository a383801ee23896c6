// Issue 19 over HTTP, on SQLite and (TEST_DATABASE=postgres) PostgreSQL: each channel's text limit
// is enforced by the reply route (422, nothing stored, no Graph call), "mark as unread", and
// profile pictures served from the app's own origin.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { igsidFor, instagramText, postWebhook, waIdFor, whatsappText } from "../../scripts/meta-sim/payloads";
import type { FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import type { RunningApp } from "../helpers/app";
import { eventProcessed, waitFor } from "../helpers/database";
import { bothChannelsEnv, startPipeline, type Pipeline } from "../helpers/pipeline";

const ENV = bothChannelsEnv("first-hour");
const IG_SECRET = ENV.INSTAGRAM_APP_SECRET;
const WA_SECRET = ENV.WHATSAPP_APP_SECRET;

let pipeline: Pipeline;
let graph: FakeGraph;
let app: RunningApp;
let db: PrismaClient;
let cookie: string;

beforeAll(async () => {
  pipeline = await startPipeline({
    graphPort: 0,
    env: ENV,
  });
  ({ graph, app, db, cookie } = pipeline);
});

afterAll(() => pipeline?.stop());

beforeEach(() => graph.reset());

async function conversationFrom(channel: "instagram" | "whatsapp", name: string): Promise<string> {
  const payload = channel === "instagram" ? instagramText({ senderId: igsidFor(name), text: `hi from ${name}` }) : whatsappText({ from: waIdFor(name), name, text: `hi from ${name}` });
  const res = await postWebhook({ appUrl: app.url, channel, payload, appSecret: channel === "instagram" ? IG_SECRET : WA_SECRET });
  expect((await eventProcessed(db, (await res.json()).eventId)).status).toBe("PROCESSED");
  const externalId = channel === "instagram" ? igsidFor(name) : waIdFor(name);
  return (await db.conversation.findFirstOrThrow({ where: { contact: { externalId } }, select: { id: true } })).id;
}

function call(method: string, path: string, body?: unknown) {
  return fetch(`${app.url}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const sends = () => graph.requests().filter((request) => request.method === "POST" && request.path.endsWith("/messages"));
const outbound = (conversationId: string) => db.message.count({ where: { conversationId, direction: "OUTBOUND" } });

describe("a reply is refused, never cut, over its channel's text limit", () => {
  it("Instagram: 1,000 characters go out whole; 1,001 are a 422 with nothing stored or sent", async () => {
    const id = await conversationFrom("instagram", "limit.ines");
    const over = await call("POST", `/api/inbox/conversations/${id}/reply`, { text: "x".repeat(1001) });
    expect(over.status).toBe(422);
    expect((await over.json()).error).toMatchObject({ code: "TEXT_TOO_LONG", message: expect.stringContaining("Instagram messages can be at most 1,000 characters; this one has 1,001") });
    expect(await outbound(id)).toBe(0);
    expect(sends()).toHaveLength(0);

    const whole = await call("POST", `/api/inbox/conversations/${id}/reply`, { text: "y".repeat(1000) });
    expect(whole.status).toBe(201);
    expect(sends()[0].body).toMatchObject({ message: { text: "y".repeat(1000) } });
  });

  it("WhatsApp: 4,096 characters go out whole; 4,097 are a 422 from the schema, nothing stored or sent", async () => {
    const id = await conversationFrom("whatsapp", "limit.joao");
    const over = await call("POST", `/api/inbox/conversations/${id}/reply`, { text: "x".repeat(4097) });
    expect(over.status).toBe(422);
    expect(await outbound(id)).toBe(0);
    const whole = await call("POST", `/api/inbox/conversations/${id}/reply`, { text: "z".repeat(4096) });
    expect(whole.status).toBe(201);
    expect(sends()[0].body).toMatchObject({ text: { body: "z".repeat(4096) } });
  });

  it("the conversation tells the composer its channel's limit and attachment rules", async () => {
    const id = await conversationFrom("whatsapp", "limit.rules");
    const { conversation } = await (await call("GET", `/api/inbox/conversations/${id}`)).json();
    expect(conversation).toMatchObject({ maxTextLength: 4096, channelLabel: "WhatsApp", attachmentRules: { image: { maxBytes: 5 * 1024 * 1024 } } });
  });
});

describe("mark as unread", () => {
  it("counts a read conversation unread again for the team, once, and 404s an unknown one", async () => {
    const id = await conversationFrom("whatsapp", "unread.rui");
    expect((await call("POST", `/api/inbox/conversations/${id}/read`)).status).toBe(200);
    expect((await db.conversation.findUniqueOrThrow({ where: { id } })).unreadCount).toBe(0);
    const res = await call("POST", `/api/inbox/conversations/${id}/unread`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ unreadCount: 1 });
    expect(await (await call("POST", `/api/inbox/conversations/${id}/unread`)).json()).toEqual({ unreadCount: 1 });
    const list = await (await call("GET", "/api/inbox/conversations?filter=unread")).json();
    expect(list.conversations.map((conversation: { id: string }) => conversation.id)).toContain(id);
    const unknown = await call("POST", "/api/inbox/conversations/does-not-exist/unread");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("NOT_FOUND");
  });
});

describe("profile pictures from the app's own origin", () => {
  it("serves the contact's picture to staff, and 404s a contact without one", async () => {
    await conversationFrom("instagram", "avatar.clara");
    const contact = await waitFor(
      () => db.contact.findFirst({ where: { externalId: igsidFor("avatar.clara"), avatarUrl: { not: null } }, select: { id: true } }),
      "the profile with its picture",
    );
    const picture = await call("GET", `/api/inbox/contacts/${contact.id}/avatar`);
    expect(picture.status).toBe(200);
    expect(picture.headers.get("content-type")).toBe("image/png");
    expect((await picture.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect((await fetch(`${app.url}/api/inbox/contacts/${contact.id}/avatar`)).status).toBe(401);

    const whatsappId = await conversationFrom("whatsapp", "avatar.none");
    const { conversation } = await (await call("GET", `/api/inbox/conversations/${whatsappId}`)).json();
    const none = await call("GET", `/api/inbox/contacts/${conversation.contact.id}/avatar`);
    expect(none.status).toBe(404);
  });

  it("never fetches a picture whose link points into the server's own network", async () => {
    await conversationFrom("instagram", "avatar.probe");
    const contact = await waitFor(
      () => db.contact.findFirst({ where: { externalId: igsidFor("avatar.probe"), avatarUrl: { not: null } }, select: { id: true, avatarUrl: true } }),
      "the profile with its picture",
    );
    // The same picture by another name for the loopback address: only the fake's configured host is trusted.
    const sameImageByAnotherName = contact.avatarUrl!.replace("127.0.0.1", "localhost");
    expect(sameImageByAnotherName).not.toBe(contact.avatarUrl);
    for (const internal of [sameImageByAnotherName, "http://2130706433/", "http://169.254.169.254/latest/meta-data/"]) {
      await db.contact.update({ where: { id: contact.id }, data: { avatarUrl: internal } });
      const res = await call("GET", `/api/inbox/contacts/${contact.id}/avatar`);
      expect({ internal, status: res.status }).toEqual({ internal, status: 404 });
    }
  });
});
