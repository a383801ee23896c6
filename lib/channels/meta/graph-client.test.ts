import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import tokenExpired from "./fixtures/error-token-expired.json";
import { graphDownload, graphRequest, parseGraphAnswer, type GraphCredentials, type RetryPolicy } from "./graph-client";
import { GraphApiError } from "./graph-error";
import { hang, json, startLocalGraphServer, type LocalGraphServer } from "./testing/local-graph-server";

const TOKEN = "EAAG-secret-token-123";
let server: LocalGraphServer;
let creds: GraphCredentials;
let delays: number[];
let retry: Partial<RetryPolicy>;

beforeAll(async () => {
  server = await startLocalGraphServer();
  creds = { accessToken: TOKEN, graphApiUrl: `${server.url}/`, graphApiVersion: "v21.0" };
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  delays = [];
  retry = { sleep: async (ms) => void delays.push(ms), random: () => 0.5 };
});

async function failure(promise: Promise<unknown>): Promise<GraphApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof GraphApiError)) throw new Error(`expected a GraphApiError, got ${String(error)}`);
  return error;
}

describe("graphRequest", () => {
  it("sends the token as a bearer header only, never in the URL", async () => {
    server.reply(json(200, { id: "1" }));
    const answer = await graphRequest(creds, { method: "GET", path: "/123", query: { fields: "name,username", skip: undefined } });
    expect(answer).toEqual({ id: "1" });
    const [request] = server.requests;
    expect(request.url).toBe("/v21.0/123?fields=name%2Cusername");
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.url).not.toContain(TOKEN);
    expect(request.url).not.toContain("access_token");
  });

  it("posts JSON bodies", async () => {
    server.reply(json(200, { message_id: "m1" }));
    await graphRequest(creds, { method: "POST", path: "me/messages", body: { recipient: { id: "9" } } });
    const [request] = server.requests;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/v21.0/me/messages");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.json).toEqual({ recipient: { id: "9" } });
  });

  it("retries a 500 with backoff and returns the later success", async () => {
    server.reply(json(500, { error: { message: "An unknown error has occurred.", code: 1, is_transient: true } }), json(200, { ok: true }));
    const answer = await graphRequest(creds, { method: "POST", path: "/1/messages", body: {} }, { channel: "instagram", retry });
    expect(answer).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    expect(delays).toEqual([300]);
  });

  it("gives up after 3 attempts with growing delays", async () => {
    server.reply(json(503, { error: { message: "down", code: 2 } }));
    const error = await failure(graphRequest(creds, { method: "GET", path: "/1" }, { channel: "whatsapp", retry }));
    expect(error.kind).toBe("TRANSIENT");
    expect(error.httpStatus).toBe(503);
    expect(server.requests).toHaveLength(3);
    expect(delays).toEqual([300, 600]);
  });

  it("retries Meta's throttling (code 4 answered as 403)", async () => {
    server.reply(json(403, { error: { message: "(#4) Application request limit reached", code: 4, is_transient: true } }), json(200, { ok: 1 }));
    await expect(graphRequest(creds, { method: "GET", path: "/1" }, { retry })).resolves.toEqual({ ok: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry an expired token and never leaks the token into the error", async () => {
    server.reply(json(401, tokenExpired));
    const error = await failure(graphRequest(creds, { method: "POST", path: "/1/messages", body: {} }, { channel: "instagram", retry }));
    expect(error.kind).toBe("TOKEN_EXPIRED");
    expect(error.userMessage).toBe("Instagram token expired — reconnect in Settings");
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(TOKEN);
  });

  it("redacts the token if an error body ever echoes it", async () => {
    server.reply(json(400, { error: { message: `Invalid token ${TOKEN}`, code: 100 } }));
    const error = await failure(graphRequest(creds, { method: "GET", path: "/1" }, { retry }));
    expect(error.metaMessage).toBe("Invalid token [redacted]");
    expect(error.message).not.toContain(TOKEN);
  });

  it("times out a server that never answers, and retries a GET", async () => {
    server.reply(hang);
    const error = await failure(graphRequest(creds, { method: "GET", path: "/slow", timeoutMs: 50 }, { retry }));
    expect(error.kind).toBe("TIMEOUT");
    expect(server.requests).toHaveLength(3);
  });

  it("does not repeat a send that timed out, since it may have been delivered", async () => {
    server.reply(hang);
    const error = await failure(graphRequest(creds, { method: "POST", path: "/1/messages", body: {}, timeoutMs: 50 }, { channel: "whatsapp", retry }));
    expect(error.kind).toBe("TIMEOUT");
    expect(error.retryable).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it("takes the deadline from the credentials (META_GRAPH_API_TIMEOUT_MS) when the call sets none", async () => {
    server.reply(hang);
    const started = Date.now();
    const error = await failure(graphRequest({ ...creds, graphTimeoutMs: 80 }, { method: "POST", path: "/1/messages", body: {} }, { retry }));
    expect(error.kind).toBe("TIMEOUT");
    expect(error.metaMessage).toBe("no answer within 80 ms");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("times out a body that stalls after the headers", async () => {
    server.reply((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.write('{"partial":');
    });
    const error = await failure(graphRequest(creds, { method: "GET", path: "/1", timeoutMs: 50 }, { retry: { ...retry, maxAttempts: 1 } }));
    expect(error.kind).toBe("TIMEOUT");
  });

  it("retries a refused connection even for a send, because nothing reached Meta", async () => {
    const closed = await startLocalGraphServer();
    await closed.close();
    const error = await failure(
      graphRequest({ ...creds, graphApiUrl: closed.url }, { method: "POST", path: "/1/messages", body: {} }, { channel: "instagram", retry }),
    );
    expect(error.kind).toBe("TRANSIENT");
    expect(error.metaMessage).toBe("fetch failed: ECONNREFUSED");
    expect(delays).toHaveLength(2);
  });

  it("refuses to call Meta without a token", async () => {
    const error = await failure(graphRequest({ ...creds, accessToken: "" }, { method: "GET", path: "/1" }, { channel: "whatsapp" }));
    expect(error.kind).toBe("TOKEN_EXPIRED");
    expect(error.userMessage).toBe("WhatsApp is not connected — add an access token in Settings");
    expect(server.requests).toHaveLength(0);
  });

  it("reports a non-JSON success as UNKNOWN", async () => {
    server.reply((_request, response) => response.end("<html>"));
    expect((await failure(graphRequest(creds, { method: "GET", path: "/1" }, { retry }))).kind).toBe("UNKNOWN");
  });
});

describe("parseGraphAnswer", () => {
  it("returns typed data or throws UNKNOWN naming the field", () => {
    const schema = z.object({ message_id: z.string() });
    expect(parseGraphAnswer(schema, { message_id: "m" })).toEqual({ message_id: "m" });
    let caught: unknown;
    try {
      parseGraphAnswer(schema, { message_id: 5 }, "instagram");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GraphApiError);
    expect((caught as GraphApiError).kind).toBe("UNKNOWN");
    expect((caught as GraphApiError).metaMessage).toContain("message_id");
  });
});

describe("graphDownload", () => {
  it("downloads bytes with the bearer token", async () => {
    server.reply((_request, response) => {
      response.writeHead(200, { "Content-Type": "image/png" });
      response.end(Buffer.from([1, 2, 3]));
    });
    const file = await graphDownload(creds, `${server.url}/media-download/55`);
    expect(Buffer.from(file.body)).toEqual(Buffer.from([1, 2, 3]));
    expect(file.mimeType).toBe("image/png");
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("refuses to send the token to another host over plain HTTP", async () => {
    const error = await failure(graphDownload(creds, "http://example.invalid/file"));
    expect(error.kind).toBe("UNKNOWN");
    expect(server.requests).toHaveLength(0);
  });
});
