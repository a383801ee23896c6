// A local stand-in for Meta's Graph API (Instagram Messaging, Messenger, WhatsApp Cloud API): real HTTP, every
// request recorded, faults programmable. The app reaches it through META_GRAPH_API_URL.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO_INSTAGRAM_ACCOUNT_ID, DEMO_PHONE_NUMBER_ID } from "../meta-sim/payloads";
import { DEMO_PAGE_ID, DEMO_PAGE_TOKEN } from "./messenger-handlers";
import type { ConversationSeed, FakeRule, ProfileInput } from "./control-schemas";
import { handleControl } from "./control-handlers";
import { FakeState, type FetchedAttachment, type RecordedRequest, type UploadedFile } from "./fake-state";
import { namedError } from "./graph-errors";
import { fail, type GraphReply } from "./graph-reply";
import { routeGraphRequest } from "./graph-router";

export type { ConversationSeed, FakeRule, FetchedAttachment, ProfileInput, RecordedRequest };

export interface FakeGraphOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** The business's Instagram account id; `me` resolves to it. */
  instagramAccountId?: string;
  /** The business's WhatsApp phone number id. */
  phoneNumberId?: string;
  /** The Facebook Page (Messenger), and the Page access token `GET /me` answers as that Page for. */
  pageId?: string;
  pageToken?: string;
}

export interface FakeGraph {
  /** Base URL to use as META_GRAPH_API_URL, without a trailing slash. */
  url: string;
  port: number;
  requests(): RecordedRequest[];
  /** Attachment URLs fetched while sending Instagram messages, as Meta fetches them. */
  fetchedAttachments(): FetchedAttachment[];
  /** Clears recorded requests, programmed rules and expired tokens; seeded profiles, conversations and media stay. */
  reset(): void;
  program(rule: FakeRule): void;
  /** Seeds a customer's profile; null makes profile lookups for the id fail as for an unknown user. */
  setProfile(id: string, profile: ProfileInput | null): void;
  /** Seeds an Instagram conversation; returns its id. */
  addConversation(seed: ConversationSeed): string;
  /** From now on (until reset), every call with this token answers code 190, as Meta does for a dead token. */
  expireToken(token: string): void;
  /** WhatsApp media; with `expireAfterDownloads` the id stops existing once downloaded that often. */
  addMedia(id: string, bytes: Uint8Array, mimeType: string, options?: { expireAfterDownloads?: number }): void;
  /**
   * A file at an Instagram-CDN-like URL (`<url>/cdn/<path>`, returned); with `expireAfterDownloads`
   * the link answers 403 once downloaded that often, as Meta's signed CDN links do when they expire.
   */
  addCdnFile(path: string, bytes: Uint8Array, mimeType: string, options?: { expireAfterDownloads?: number }): string;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

interface ParsedBody {
  body: unknown;
  /** Multipart file parts by field name; the recorded body describes them instead of holding the bytes. */
  files: Record<string, UploadedFile>;
}

// Graph accepts JSON and form bodies (clients often send JSON without a content type); form values
// that hold JSON (recipient={"id":…}) are decoded too. Uploads come as multipart/form-data.
async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { body: undefined, files: {} };
  if (contentType?.startsWith("multipart/form-data")) return parseMultipart(raw, contentType);
  const text = raw.toString("utf8");
  try {
    return { body: JSON.parse(text), files: {} };
  } catch {
    if (!contentType?.includes("application/x-www-form-urlencoded")) return { body: text, files: {} };
  }
  const body = Object.fromEntries(
    [...new URLSearchParams(text)].map(([key, value]) => {
      try {
        return [key, JSON.parse(value)];
      } catch {
        return [key, value];
      }
    }),
  );
  return { body, files: {} };
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw), { headers: { "content-type": contentType } }).formData();
  } catch {
    return { body: raw.toString("latin1"), files: {} };
  }
  const body: Record<string, unknown> = {};
  const files: Record<string, UploadedFile> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") {
      body[name] = value;
      continue;
    }
    const bytes = Buffer.from(await value.arrayBuffer());
    files[name] = { bytes, mimeType: value.type, filename: value.name };
    body[name] = { filename: value.name, contentType: value.type, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
  }
  return { body, files };
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : (value ?? "")]),
  );
}

function writeReply(res: ServerResponse, reply: GraphReply): void {
  if (res.destroyed) return;
  if ("bytes" in reply) {
    res.writeHead(reply.status, { "content-type": reply.contentType, "content-length": reply.bytes.length }).end(reply.bytes);
    return;
  }
  const json = JSON.stringify(reply.body);
  res.writeHead(reply.status, { "content-type": "application/json; charset=UTF-8" }).end(json);
}

const versionPrefix = /^\/v\d+(\.\d+)?(?=\/|$)/;

export async function startFakeGraph(options: FakeGraphOptions = {}): Promise<FakeGraph> {
  const state = new FakeState({
    instagramAccountId: options.instagramAccountId ?? DEMO_INSTAGRAM_ACCOUNT_ID,
    phoneNumberId: options.phoneNumberId ?? DEMO_PHONE_NUMBER_ID,
    pageId: options.pageId ?? DEMO_PAGE_ID,
    pageToken: options.pageToken ?? DEMO_PAGE_TOKEN,
  });
  const host = options.host ?? "127.0.0.1";
  const delays = new Set<NodeJS.Timeout>();
  let baseUrl = "";

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        delays.delete(timer);
        resolve();
      }, ms);
      delays.add(timer);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", baseUrl);
    const method = req.method ?? "GET";
    const { body, files } = await parseBody(await readBody(req), req.headers["content-type"]);

    if (url.pathname.startsWith("/__fake/")) {
      writeReply(res, handleControl(state, method, url.pathname.slice("/__fake/".length), url.searchParams, body));
      return;
    }

    state.record({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: flatHeaders(req),
      body,
      time: new Date().toISOString(),
    });

    const rule = state.takeRule(method, url.pathname);
    if (rule && "delayMs" in rule) {
      await sleep(rule.delayMs);
      if (rule.status !== undefined) {
        writeReply(res, { status: rule.status, body: rule.body });
        return;
      }
    } else if (rule) {
      writeReply(res, "error" in rule ? fail(namedError(rule.error)) : { status: rule.status, body: rule.body });
      return;
    }

    const segments = url.pathname.replace(versionPrefix, "").split("/").filter(Boolean).map(decodeURIComponent);
    writeReply(
      res,
      await routeGraphRequest(state, { method, segments, query: url.searchParams, body, files, authorization: req.headers.authorization, baseUrl }),
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("fake graph: request failed", error);
      writeReply(res, { status: 500, body: { error: { message: "fake graph crashed; see its log", type: "FakeGraphError", code: 1 } } });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    url: baseUrl,
    port,
    requests: () => state.requests(),
    fetchedAttachments: () => state.fetchedAttachments(),
    reset: () => state.reset(),
    program: (rule) => state.program(rule),
    setProfile: (id, profile) => void state.profiles.set(id, profile),
    addConversation: (seed) => state.addConversation(seed),
    expireToken: (token) => void state.expiredTokens.add(token),
    addMedia: (id, bytes, mimeType, options) => {
      state.media.set(id, { bytes: Buffer.from(bytes), mimeType, downloadsLeft: options?.expireAfterDownloads });
      state.expiredMedia.delete(id);
    },
    addCdnFile: (path, bytes, mimeType, options) => {
      state.cdnFiles.set(path, { bytes: Buffer.from(bytes), mimeType, downloadsLeft: options?.expireAfterDownloads });
      return `${baseUrl}/cdn/${path}`;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of delays) clearTimeout(timer);
        delays.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        // Delayed and keep-alive connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
