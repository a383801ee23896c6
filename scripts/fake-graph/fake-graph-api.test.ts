// The fake answers like Meta's Graph API over real HTTP: send, profiles, conversations, templates,
// media and tokens, under any version prefix.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import igSendRequest from "./fixtures/instagram-send-request.json";
import igSendResponse from "./fixtures/instagram-send-response.json";
import igProfile from "./fixtures/instagram-user-profile.json";
import waSendRequest from "./fixtures/whatsapp-send-request.json";
import waSendResponse from "./fixtures/whatsapp-send-response.json";
import { startFakeGraph, type FakeGraph } from "./start-fake-graph";

let fake: FakeGraph;
const auth = { Authorization: "Bearer test-token" };

function call(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return fetch(`${fake.url}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { ...auth, ...(init.body === undefined ? {} : { "Content-Type": "application/json" }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

function withoutDoc<T extends { _doc?: string }>(fixture: T): Omit<T, "_doc"> {
  const { _doc, ...rest } = fixture;
  return rest;
}

beforeAll(async () => {
  fake = await startFakeGraph({ port: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("Instagram", () => {
  it("sends a message in Meta's shape, records it, and gives every send a new mid", async () => {
    const response = await call("/v21.0/17841400000000001/messages", { body: withoutDoc(igSendRequest) });
    expect(response.status).toBe(200);
    const first = await response.json();
    expect(Object.keys(first).sort()).toEqual(Object.keys(igSendResponse).sort());
    expect(first.recipient_id).toBe("6543210987654321");
    expect(first.message_id).toMatch(/^aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOj[\w-]+$/);
    const second = await (await call("/v19.0/17841400000000001/messages", { body: withoutDoc(igSendRequest) })).json();
    expect(second.message_id).not.toBe(first.message_id);

    const [recorded] = fake.requests();
    expect(recorded).toMatchObject({
      method: "POST",
      path: "/v21.0/17841400000000001/messages",
      body: withoutDoc(igSendRequest),
      headers: { authorization: "Bearer test-token", "content-type": "application/json" },
    });
    expect(Date.parse(recorded.time)).not.toBeNaN();
  });

  it("accepts attachments and the HUMAN_AGENT tag, rejects malformed bodies with (#100)", async () => {
    const fileUrl = fake.addCdnFile("outbound/sofa.png", Buffer.from("sofa image bytes"), "image/png");
    const image = { recipient: { id: "1" }, message: { attachment: { type: "image", payload: { url: fileUrl } } } };
    expect((await call("/v21.0/me/messages", { body: image })).status).toBe(200);
    expect(fake.fetchedAttachments()).toMatchObject([
      { url: fileUrl, status: 200, contentType: "image/png", size: 16, sha256: createHash("sha256").update("sofa image bytes").digest("hex") },
    ]);
    const tagged = { recipient: { id: "1" }, messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT", message: { text: "hi" } };
    expect((await call("/v21.0/me/messages", { body: tagged })).status).toBe(200);

    const noRecipient = await call("/v21.0/me/messages", { body: { message: { text: "hi" } } });
    expect(noRecipient.status).toBe(400);
    expect(await noRecipient.json()).toMatchObject({ error: { code: 100, type: "OAuthException", message: "(#100) The parameter recipient is required" } });
    const both = await call("/v21.0/me/messages", { body: { recipient: { id: "1" }, message: { text: "a", attachment: image.message.attachment } } });
    expect(both.status).toBe(400);
    const tagMissing = await call("/v21.0/me/messages", { body: { ...tagged, tag: undefined } });
    expect((await tagMissing.json()).error.message).toContain("tag");
  });

  it("fetches an attachment URL before accepting it, and fails the send as Meta does when it can't", async () => {
    const expiring = fake.addCdnFile("outbound/once.png", Buffer.from("once"), "image/png", { expireAfterDownloads: 1 });
    const send = (url: string) => call("/v21.0/me/messages", { body: { recipient: { id: "1" }, message: { attachment: { type: "image", payload: { url } } } } });
    expect((await send(expiring)).status).toBe(200);
    const gone = await send(expiring);
    expect(gone.status).toBe(400);
    expect(await gone.json()).toMatchObject({ error: { code: 100, error_subcode: 2018047 } });
    const unreachable = await send("http://127.0.0.1:9/nothing-listens-here.png");
    expect(unreachable.status).toBe(400);
    expect(fake.fetchedAttachments().map((fetched) => fetched.status)).toEqual([200, 403, 0]);
  });

  it("serves deterministic profiles, seeded profiles, and Meta's error for unknown users", async () => {
    const fields = "?fields=name,username,profile_pic";
    const generated = await (await call(`/v21.0/6543210987654321${fields}`)).json();
    expect(Object.keys(generated).sort()).toEqual(Object.keys(withoutDoc(igProfile)).sort());
    expect(await (await call(`/v19.0/6543210987654321${fields}`)).json()).toEqual(generated);
    const avatar = await fetch(generated.profile_pic);
    expect(avatar.headers.get("content-type")).toBe("image/png");

    fake.setProfile("6543210987654321", { name: "Ana Costa", username: "ana.costa.design", profile_pic: igProfile.profile_pic });
    expect(await (await call(`/v21.0/6543210987654321${fields}`)).json()).toEqual(withoutDoc(igProfile));
    expect(await (await call("/v21.0/6543210987654321?fields=username")).json()).toEqual({ id: "6543210987654321", username: "ana.costa.design" });

    fake.setProfile("1111111111111111", null);
    const gone = await call(`/v21.0/1111111111111111${fields}`);
    expect(gone.status).toBe(400);
    expect(await gone.json()).toMatchObject({ error: { code: 100, error_subcode: 33, type: "GraphMethodException" } });
    expect((await call(`/v21.0/not-an-igsid${fields}`)).status).toBe(400);
  });

  it("lists seeded conversations in Meta's shape, newest message first, filterable by user_id", async () => {
    const id = fake.addConversation({
      participant: { id: "6543210987654321", username: "ana.costa.design" },
      messages: [
        { text: "Is the sofa available?", createdTime: "2026-11-20T10:00:00Z" },
        { from: "business", text: "Yes!", createdTime: "2026-11-20T10:05:00Z" },
        { text: "Photo?", attachments: [{ type: "image", url: "https://x/a.jpg" }], createdTime: "2026-11-20T10:06:00Z" },
      ],
    });
    fake.addConversation({ participant: { id: "7654321098765432" }, messages: [{ text: "Hello", createdTime: "2026-11-19T09:00:00Z" }] });

    const all = await (await call("/v21.0/17841400000000001/conversations?platform=instagram&fields=participants,messages{id,created_time,from,to,message},updated_time")).json();
    expect(all.data).toHaveLength(2);
    const [latest] = all.data;
    expect(latest).toMatchObject({
      id,
      updated_time: "2026-11-20T10:06:00+0000",
      participants: { data: [{ id: "17841400000000001", username: "demo.furniture" }, { id: "6543210987654321", username: "ana.costa.design" }] },
    });
    expect(latest.messages.data.map((message: { message: string }) => message.message)).toEqual(["Photo?", "Yes!", "Is the sofa available?"]);
    expect(latest.messages.data[1]).toMatchObject({
      created_time: "2026-11-20T10:05:00+0000",
      from: { id: "17841400000000001", username: "demo.furniture" },
      to: { data: [{ id: "6543210987654321", username: "ana.costa.design" }] },
    });
    expect(latest.messages.data[0].attachments.data[0].image_data.url).toBe("https://x/a.jpg");
    expect(all.paging).toBeUndefined();

    const one = await (await call("/v21.0/me/conversations?platform=instagram&user_id=7654321098765432")).json();
    expect(one.data.map((conversation: { participants: { data: { id: string }[] } }) => conversation.participants.data[1].id)).toEqual(["7654321098765432"]);
    const onlyTimes = await (await call("/v21.0/me/conversations?platform=instagram&fields=updated_time")).json();
    expect(Object.keys(onlyTimes.data[0]).sort()).toEqual(["id", "updated_time"]);
  });

  it("answers the test-connection calls for the account", async () => {
    expect(await (await call("/v21.0/me?fields=id,name,username")).json()).toEqual({ id: "17841400000000001", name: "Demo Furniture Co", username: "demo.furniture" });
    expect(await (await call("/v21.0/17841400000000001?fields=username")).json()).toEqual({ id: "17841400000000001", username: "demo.furniture" });
  });

  it("refreshes an Instagram token with or without a version prefix", async () => {
    for (const path of ["/refresh_access_token", "/v21.0/refresh_access_token"]) {
      const response = await fetch(`${fake.url}${path}?grant_type=ig_refresh_token&access_token=old`);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({ token_type: "bearer", expires_in: 5184000 });
      expect(body.access_token).toMatch(/^IGAA/);
    }
    expect((await fetch(`${fake.url}/refresh_access_token?grant_type=ig_refresh_token`)).status).toBe(401);
  });
});

describe("WhatsApp", () => {
  it("sends a text in Meta's shape with a fresh wamid each time", async () => {
    const response = await call("/v21.0/106540352242922/messages", { body: withoutDoc(waSendRequest) });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ messaging_product: "whatsapp", contacts: waSendResponse.contacts });
    expect(body.messages[0].id).toMatch(/^wamid\.[A-Za-z0-9+/=]+$/);
    const again = await (await call("/v21.0/106540352242922/messages", { body: withoutDoc(waSendRequest) })).json();
    expect(again.messages[0].id).not.toBe(body.messages[0].id);
    expect(fake.requests()[0].body).toEqual(withoutDoc(waSendRequest));
  });

  it("keeps an uploaded file under a new media id that a send can use and a download returns", async () => {
    const form = new FormData();
    form.set("messaging_product", "whatsapp");
    form.set("type", "image/png");
    form.set("file", new Blob([Buffer.from("png bytes")], { type: "image/png" }), "sofa.png");
    const upload = await fetch(`${fake.url}/v21.0/106540352242922/media`, { method: "POST", headers: auth, body: form });
    expect(upload.status).toBe(200);
    const { id } = (await upload.json()) as { id: string };
    expect(id).toMatch(/^\d{16,}$/);
    expect(fake.requests()[0].body).toEqual({
      messaging_product: "whatsapp",
      type: "image/png",
      file: { filename: "sofa.png", contentType: "image/png", size: 9, sha256: createHash("sha256").update("png bytes").digest("hex") },
    });
    const sent = await call("/v21.0/106540352242922/messages", { body: { messaging_product: "whatsapp", to: "351912345678", type: "image", image: { id } } });
    expect(sent.status).toBe(200);
    const info = (await (await call(`/v21.0/${id}`)).json()) as { url: string; mime_type: string };
    expect(info.mime_type).toBe("image/png");
    expect(Buffer.from(await (await fetch(info.url, { headers: auth })).arrayBuffer()).toString()).toBe("png bytes");

    const noFile = new FormData();
    noFile.set("messaging_product", "whatsapp");
    noFile.set("type", "image/png");
    expect((await fetch(`${fake.url}/v21.0/106540352242922/media`, { method: "POST", headers: auth, body: noFile })).status).toBe(400);
  });

  it("validates media, template and type, and marks messages read", async () => {
    const send = (body: object) => call("/v21.0/106540352242922/messages", { body: { messaging_product: "whatsapp", to: "+351 912 345 678", ...body } });
    expect((await send({ type: "image", image: { link: "https://x/y.png", caption: "c" } })).status).toBe(200);
    fake.addMedia("123", Buffer.from("%PDF-1.4"), "application/pdf");
    expect((await send({ type: "document", document: { id: "123", filename: "q.pdf" } })).status).toBe(200);
    expect((await send({ type: "document", document: { id: "999", filename: "q.pdf" } })).status).toBe(400);
    expect((await send({ type: "template", template: { name: "order_update", language: { code: "en_US" } } })).status).toBe(200);
    const wrongType = await send({ type: "sticker", sticker: { id: "1" } });
    expect(wrongType.status).toBe(400);
    expect(await wrongType.json()).toMatchObject({ error: { code: 100, error_data: { messaging_product: "whatsapp" } } });
    expect((await send({ type: "image", image: {} })).status).toBe(400);
    expect((await send({ type: "text", image: { id: "1" } })).status).toBe(400);
    const noProduct = await call("/v21.0/106540352242922/messages", { body: { to: "351912345678", type: "text", text: { body: "x" } } });
    expect(noProduct.status).toBe(400);

    const read = await call("/v21.0/106540352242922/messages", { body: { messaging_product: "whatsapp", status: "read", message_id: "wamid.X" } });
    expect(await read.json()).toEqual({ success: true });
  });

  it("sends to a business-scoped user id in `recipient` (answering user_id, no wa_id); `to` wins when both come", async () => {
    const send = (body: object) => call("/v21.0/106540352242922/messages", { body: { messaging_product: "whatsapp", type: "text", text: { body: "hi" }, ...body } });
    const byBsuid = await send({ recipient: "PT.1502576394655843" });
    expect(byBsuid.status).toBe(200);
    const answer = await byBsuid.json();
    expect(answer.contacts).toEqual([{ input: "PT.1502576394655843", user_id: "PT.1502576394655843" }]);
    expect(answer.messages[0].id).toMatch(/^wamid\./);
    expect((await (await send({ to: "351912345678", recipient: "PT.1502576394655843" })).json()).contacts).toEqual([{ input: "351912345678", wa_id: "351912345678" }]);
    expect((await send({})).status).toBe(400);
    expect((await send({ recipient: "not a bsuid" })).status).toBe(400);
  });

  it("serves media metadata whose url downloads the bytes only with the bearer token", async () => {
    const bytes = Buffer.from("%PDF-1.4 quote");
    fake.addMedia("1473567290098372", bytes, "application/pdf");
    const info = await (await call("/v21.0/1473567290098372")).json();
    expect(info).toEqual({
      messaging_product: "whatsapp",
      url: `${fake.url}/media-download/1473567290098372`,
      mime_type: "application/pdf",
      sha256: createHash("sha256").update(bytes).digest("hex"),
      file_size: bytes.length,
      id: "1473567290098372",
    });
    expect((await fetch(info.url)).status).toBe(401);
    expect((await fetch(`${info.url}?access_token=t`)).status).toBe(401);
    const download = await fetch(info.url, { headers: auth });
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

    const unknown = await (await call("/v21.0/9990001112223334")).json();
    expect(unknown.mime_type).toBe("image/png");
    const png = Buffer.from(await (await fetch(unknown.url, { headers: auth })).arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBe(unknown.file_size);
  });

  it("lists approved templates and describes the phone number", async () => {
    const templates = await (await call("/v21.0/102290129340398/message_templates")).json();
    const orderUpdate = templates.data.find((template: { name: string; language: string }) => template.name === "order_update" && template.language === "en_US");
    expect(orderUpdate).toMatchObject({ status: "APPROVED", category: "UTILITY", components: [{ type: "BODY", text: "Hi {{1}}, your order {{2}} is ready" }] });
    expect(templates.data.find((template: { name: string }) => template.name === "hello_world").components.some((c: { type: string }) => c.type === "BODY")).toBe(true);
    for (const template of templates.data) expect(template.status).toBe("APPROVED");

    const phone = await (await call("/v21.0/106540352242922")).json();
    expect(phone).toMatchObject({ id: "106540352242922", verified_name: "Demo Furniture Co", quality_rating: "GREEN" });
    expect(phone.display_phone_number).toBeTruthy();
    const picked = await (await call("/v21.0/999?fields=display_phone_number,verified_name")).json();
    expect(Object.keys(picked).sort()).toEqual(["display_phone_number", "id", "verified_name"]);
  });
});

describe("authentication", () => {
  it("answers a missing bearer token with Meta's 190 OAuthException and records the attempt", async () => {
    const response = await call("/v21.0/me/messages", { body: withoutDoc(igSendRequest), headers: { Authorization: "" } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 190, type: "OAuthException" } });
    expect(fake.requests()).toHaveLength(1);
    expect((await call("/v21.0/me?fields=id", { headers: { Authorization: "Basic abc" } })).status).toBe(401);
  });

  it("answers 190 for an expired token, in the header or the query, until reset", async () => {
    const expire = await fetch(`${fake.url}/__fake/expired-tokens`, { method: "POST", body: JSON.stringify({ token: "dead-token" }) });
    expect(expire.status).toBe(200);
    const send = await call("/v21.0/me/messages", { body: withoutDoc(igSendRequest), headers: { Authorization: "Bearer dead-token" } });
    expect(send.status).toBe(401);
    expect(await send.json()).toMatchObject({ error: { code: 190 } });
    const refresh = await fetch(`${fake.url}/refresh_access_token?grant_type=ig_refresh_token&access_token=dead-token`);
    expect((await refresh.json()).error.code).toBe(190);
    expect((await call("/v21.0/me?fields=user_id,username", { headers: { Authorization: "Bearer live-token" } })).status).toBe(200);
    fake.reset();
    expect((await call("/v21.0/me?fields=id", { headers: { Authorization: "Bearer dead-token" } })).status).toBe(200);
  });
});

describe("expiring media links", () => {
  it("a CDN file answers 403 once its downloads are used up; unknown CDN paths still get a PNG", async () => {
    const url = fake.addCdnFile("ig/once.jpg", new Uint8Array([1, 2, 3]), "image/jpeg", { expireAfterDownloads: 1 });
    const first = await fetch(url);
    expect([first.status, first.headers.get("content-type"), Buffer.from(await first.arrayBuffer()).toString("hex")]).toEqual([200, "image/jpeg", "010203"]);
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(`${fake.url}/cdn/anything.png`)).headers.get("content-type")).toBe("image/png");
  });

  it("a WhatsApp media id stops existing after its last allowed download, as Meta's does", async () => {
    fake.addMedia("7700000000000001", new Uint8Array([9, 9]), "image/jpeg", { expireAfterDownloads: 1 });
    const info = await (await call("/v21.0/7700000000000001")).json();
    expect((await call(new URL(info.url).pathname)).status).toBe(200);
    const again = await call("/v21.0/7700000000000001");
    expect(again.status).toBe(400);
    expect((await again.json()).error).toMatchObject({ code: 100, error_subcode: 33 });
  });
});

describe("handover protocol and what the customer sees", () => {
  it("takes, requests and passes threads, and answers programmed refusals as Meta does", async () => {
    for (const edge of ["take_thread_control", "request_thread_control", "pass_thread_control"]) {
      const response = await call(`/v21.0/17841400000000001/${edge}`, { body: { recipient: { id: "65" }, metadata: "agent" } });
      expect(await response.json()).toEqual({ success: true });
    }
    expect((await call("/v21.0/17841400000000001/take_thread_control", { body: { metadata: "no recipient" } })).status).toBe(400);
    fake.program({ match: { pathIncludes: "take_thread_control" }, times: 1, respond: { error: "thread-control-denied" } });
    const refused = await call("/v21.0/17841400000000001/take_thread_control", { body: { recipient: { id: "65" } } });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({ code: 10 });
  });

  it("takes a WhatsApp read receipt with the typing indicator, and nothing else beside it", async () => {
    const read = { messaging_product: "whatsapp", status: "read", message_id: "wamid.X" };
    expect(await (await call("/v21.0/106540352242922/messages", { body: { ...read, typing_indicator: { type: "text" } } })).json()).toEqual({ success: true });
    expect((await call("/v21.0/106540352242922/messages", { body: { ...read, typing_indicator: { type: "audio" } } })).status).toBe(400);
  });
});
