// Programmed faults (exact Meta error bodies, delays, expiry) and the /__fake control API.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeGraph, type FakeGraph } from "./start-fake-graph";

let fake: FakeGraph;
const igSend = { recipient: { id: "6543210987654321" }, messaging_type: "RESPONSE", message: { text: "hi" } };
const waSend = { messaging_product: "whatsapp", to: "351912345678", type: "text", text: { body: "hi" } };

function post(path: string, body: unknown, signal?: AbortSignal) {
  return fetch(`${fake.url}${path}`, {
    method: "POST",
    headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
}

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));

beforeAll(async () => {
  fake = await startFakeGraph();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("programmed errors", () => {
  it.each([
    ["token-expired", 401, fixture("error-token-expired.json")],
    ["outside-window", 400, fixture("error-outside-window.json")],
    ["rate-limit", 403, fixture("error-rate-limit.json")],
    [
      "server-error",
      500,
      { error: { message: "An unknown error has occurred.", type: "OAuthException", code: 1, is_transient: true } },
    ],
  ] as const)("%s answers %i with Meta's exact body", async (error, status, body) => {
    fake.program({ match: { pathIncludes: "/messages" }, respond: { error } });
    const response = await post("/v21.0/me/messages", igSend);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body);
  });

  it.each([
    ["whatsapp-window", 131047, "Re-engagement message"],
    ["recipient-not-on-whatsapp", 131026, "Message Undeliverable"],
  ] as const)("%s answers WhatsApp's %i error", async (error, code, message) => {
    fake.program({ match: { method: "post" }, respond: { error } });
    const response = await post("/v21.0/106540352242922/messages", waSend);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toMatchObject({ code, type: "OAuthException", error_data: { messaging_product: "whatsapp" } });
    expect(body.error.message).toContain(message);
    expect(body.error.error_data.details).toBeTruthy();
  });

  it("user-unavailable answers Instagram's 551", async () => {
    fake.program({ respond: { error: "user-unavailable" } });
    const response = await post("/v21.0/me/messages", igSend);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 551, error_subcode: 1545041, message: "(#551) This person isn't available right now." });
  });

  it("answers a custom status and body, only for matching method and path", async () => {
    fake.program({ match: { method: "GET", pathIncludes: "/conversations" }, respond: { status: 503, body: { error: { message: "down" } } } });
    expect((await post("/v21.0/me/messages", igSend)).status).toBe(200);
    const response = await fetch(`${fake.url}/v21.0/me/conversations?platform=instagram`, { headers: { Authorization: "Bearer t" } });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: { message: "down" } });
  });

  it("expires a rule after `times` matches, then answers normally", async () => {
    fake.program({ match: { pathIncludes: "/messages" }, times: 2, respond: { error: "rate-limit" } });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await post("/v21.0/me/messages", igSend)).status);
    expect(statuses).toEqual([403, 403, 200]);
  });

  it("checks rules in the order they were programmed", async () => {
    fake.program({ times: 1, respond: { error: "server-error" } });
    fake.program({ respond: { error: "token-expired" } });
    expect((await post("/v21.0/me/messages", igSend)).status).toBe(500);
    expect((await post("/v21.0/me/messages", igSend)).status).toBe(401);
  });

  it("delays a response long enough for a client timeout to fire, then answers normally", async () => {
    fake.program({ times: 1, respond: { delayMs: 400 } });
    await expect(post("/v21.0/me/messages", igSend, AbortSignal.timeout(100))).rejects.toThrow();
    fake.program({ times: 1, respond: { delayMs: 150 } });
    const started = Date.now();
    const response = await post("/v21.0/me/messages", igSend);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(response.status).toBe(200);
    expect((await response.json()).message_id).toBeTruthy();
  });

  it("reset() clears rules and the request log", async () => {
    fake.program({ respond: { error: "server-error" } });
    await post("/v21.0/me/messages", igSend);
    fake.reset();
    expect(fake.requests()).toEqual([]);
    expect((await post("/v21.0/me/messages", igSend)).status).toBe(200);
  });

  it("rejects a malformed rule", () => {
    expect(() => fake.program({ respond: { error: "nope" } } as never)).toThrow();
  });
});

describe("HTTP control API", () => {
  it("programs, lists and resets over HTTP", async () => {
    expect((await post("/__fake/program", { match: { pathIncludes: "/messages" }, times: 1, respond: { error: "outside-window" } })).status).toBe(200);
    const failed = await post("/v21.0/me/messages", igSend);
    expect((await failed.json()).error.error_subcode).toBe(2534022);
    await post("/v21.0/me/messages", igSend);

    const recorded = await (await fetch(`${fake.url}/__fake/requests?pathIncludes=/messages`)).json();
    expect(recorded).toHaveLength(2);
    expect(recorded[0]).toMatchObject({ method: "POST", path: "/v21.0/me/messages", body: igSend });

    expect((await post("/__fake/reset", {})).status).toBe(200);
    expect(await (await fetch(`${fake.url}/__fake/requests`)).json()).toEqual([]);
  });

  it("seeds profiles, conversations and media over HTTP", async () => {
    await post("/__fake/profiles", { id: "2222222222222222", profile: { name: "Rui Rocha", username: "rui.r" } });
    const profile = await (await fetch(`${fake.url}/v21.0/2222222222222222?fields=name,username`, { headers: { Authorization: "Bearer t" } })).json();
    expect(profile).toEqual({ id: "2222222222222222", name: "Rui Rocha", username: "rui.r" });

    const { id } = await (await post("/__fake/conversations", { participant: { id: "2222222222222222" }, messages: [{ text: "olá" }] })).json();
    const list = await (await fetch(`${fake.url}/v21.0/me/conversations?platform=instagram&user_id=2222222222222222`, { headers: { Authorization: "Bearer t" } })).json();
    expect(list.data[0].id).toBe(id);
    expect(list.data[0].messages.data[0].message).toBe("olá");

    await post("/__fake/media", { id: "m-1", base64: Buffer.from("voice").toString("base64"), mimeType: "audio/ogg" });
    const info = await (await fetch(`${fake.url}/v21.0/m-1`, { headers: { Authorization: "Bearer t" } })).json();
    expect(info.mime_type).toBe("audio/ogg");
    expect(await (await fetch(info.url, { headers: { Authorization: "Bearer t" } })).text()).toBe("voice");
  });

  it("answers 422 with the issues for an invalid control request", async () => {
    const response = await post("/__fake/program", { respond: { delayMs: -1 } });
    expect(response.status).toBe(422);
    expect((await response.json()).error.issues.length).toBeGreaterThan(0);
    expect(fake.requests()).toEqual([]);
  });
});
