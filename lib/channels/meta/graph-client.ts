import type { z } from "zod";
import type { ChannelCredentials, ChannelKey } from "../types";
import { channelLabel, GraphApiError, graphErrorFromResponse, graphNetworkError, graphTimeoutError } from "./graph-error";
import { DownloadTooLargeError, readCappedBody } from "./read-capped-body";

export type GraphCredentials = Pick<ChannelCredentials, "accessToken" | "graphApiUrl" | "graphApiVersion" | "graphTimeoutMs">;

export interface GraphRequest {
  method: "GET" | "POST" | "DELETE";
  /** Path under the versioned base, e.g. `/123/messages`; ids must already be URI-encoded. */
  path: string;
  /** For the few endpoints Meta documents without a version (Instagram's `/refresh_access_token`). */
  unversioned?: boolean;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data instead (file uploads); fetch sets the boundary. */
  form?: FormData;
  timeoutMs?: number;
  /**
   * Whether repeating the call after an ambiguous failure is harmless. Defaults to true for GET only:
   * a send that timed out may already have reached the customer, and a duplicate is worse than an
   * error the agent can retry by hand.
   */
  idempotent?: boolean;
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export interface GraphClientOptions {
  /** Names the channel in error messages shown to staff. */
  channel?: ChannelKey;
  retry?: Partial<RetryPolicy>;
}

const DEFAULT_TIMEOUT_MS = 10_000;

const defaultRetry: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 200,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

// Connection-level failures where the request provably never reached Meta, so even a send is safe to repeat.
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

function neverReachedServer(error: GraphApiError): boolean {
  const inner = error.cause instanceof Error ? error.cause.cause : undefined;
  return typeof inner === "object" && inner !== null && "code" in inner && NOT_SENT_CODES.has(String(inner.code));
}

function shouldRetry(error: GraphApiError, idempotent: boolean): boolean {
  if (!error.retryable) return false;
  // Meta answered with an error status, so it did not accept the message: safe to repeat.
  if (error.httpStatus !== undefined) return true;
  return idempotent || neverReachedServer(error);
}

function baseUrl(creds: GraphCredentials): string {
  return `${creds.graphApiUrl.replace(/\/+$/, "")}/${creds.graphApiVersion}`;
}

function buildUrl(creds: GraphCredentials, request: GraphRequest): string {
  const base = request.unversioned ? creds.graphApiUrl.replace(/\/+$/, "") : baseUrl(creds);
  const url = new URL(base + (request.path.startsWith("/") ? request.path : `/${request.path}`));
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

function missingTokenError(channel: ChannelKey | undefined): GraphApiError {
  // No request is made: an empty bearer would only earn a 190 from Meta after a round trip.
  return new GraphApiError({
    kind: "TOKEN_EXPIRED",
    channel,
    userMessage: `${channelLabel(channel)} is not connected — add an access token in Settings`,
  });
}

// Meta does not echo tokens in errors today; this keeps it that way if a proxy or a future message ever does.
function redact(text: string, token: string): string {
  return token ? text.split(token).join("[redacted]") : text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function withRetries<T>(
  channel: ChannelKey | undefined,
  idempotent: boolean,
  policy: Partial<RetryPolicy> | undefined,
  run: () => Promise<T>,
): Promise<T> {
  const { maxAttempts, baseDelayMs, sleep, random } = { ...defaultRetry, ...policy };
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      // Too large stays too large: neither retried nor disguised as a network failure.
      if (error instanceof DownloadTooLargeError) throw error;
      const graphError = error instanceof GraphApiError ? error : graphNetworkError(channel, error);
      if (attempt >= maxAttempts || !shouldRetry(graphError, idempotent)) throw graphError;
      // Exponential backoff with jitter, so many clients throttled together do not retry in lockstep.
      await sleep(baseDelayMs * 2 ** (attempt - 1) * (1 + random()));
    }
  }
}

/**
 * One HTTP exchange under a deadline that covers the body too: a server that sends headers and then
 * stalls must not hang a webhook or a reply.
 */
async function exchange<T>(
  channel: ChannelKey | undefined,
  token: string,
  url: string,
  init: RequestInit,
  timeoutMs: number,
  read: (response: Response) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    if (!response.ok) {
      const text = redact(await response.text(), token);
      throw graphErrorFromResponse(channel, response.status, parseJson(text));
    }
    return await read(response);
  } catch (error) {
    if (error instanceof GraphApiError || error instanceof DownloadTooLargeError) throw error;
    if (controller.signal.aborted) throw graphTimeoutError(channel, timeoutMs);
    throw graphNetworkError(channel, error);
  } finally {
    clearTimeout(timer);
  }
}

function unexpectedAnswer(channel: ChannelKey | undefined, detail: string): GraphApiError {
  return new GraphApiError({
    kind: "UNKNOWN",
    channel,
    userMessage: "Meta answered in an unexpected format. Try again, or contact an admin if it keeps failing.",
    metaMessage: detail,
  });
}

/**
 * Calls the Graph API and returns the parsed JSON answer. The token travels only in the
 * Authorization header, never in the URL, so it cannot end up in access logs or error messages.
 * Throws GraphApiError for every failure.
 */
export async function graphRequest(
  creds: GraphCredentials,
  request: GraphRequest,
  options: GraphClientOptions = {},
): Promise<unknown> {
  const { channel } = options;
  if (!creds.accessToken) throw missingTokenError(channel);
  const url = buildUrl(creds, request);
  const headers: Record<string, string> = { Authorization: `Bearer ${creds.accessToken}`, Accept: "application/json" };
  if (request.body !== undefined && !request.form) headers["Content-Type"] = "application/json";
  const init: RequestInit = {
    method: request.method,
    headers,
    body: request.form ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
  };
  const idempotent = request.idempotent ?? request.method === "GET";

  return withRetries(channel, idempotent, options.retry, () =>
    exchange(channel, creds.accessToken, url, init, request.timeoutMs ?? creds.graphTimeoutMs ?? DEFAULT_TIMEOUT_MS, async (response) => {
      const text = await response.text();
      const json = parseJson(text);
      if (json === undefined) throw unexpectedAnswer(channel, `non-JSON body (HTTP ${response.status})`);
      return json;
    }),
  );
}

/** Validates a Graph answer; a shape we do not understand is an error, not a silent undefined. */
export function parseGraphAnswer<S extends z.ZodType>(schema: S, answer: unknown, channel?: ChannelKey): z.infer<S> {
  const parsed = schema.safeParse(answer);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw unexpectedAnswer(channel, `unexpected Graph answer at ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data;
}

export interface DownloadOptions extends GraphClientOptions {
  timeoutMs?: number;
  /** Refuse (DownloadTooLargeError) rather than read a larger body. */
  maxBytes?: number;
}

/**
 * Downloads a file Meta serves behind the bearer token (WhatsApp media). The token is only sent over
 * HTTPS or to the configured Graph host, so a tampered or odd URL cannot carry it off in clear text.
 */
export async function graphDownload(
  creds: GraphCredentials,
  fileUrl: string,
  options: DownloadOptions = {},
): Promise<{ body: Uint8Array; mimeType: string | undefined }> {
  const { channel } = options;
  if (!creds.accessToken) throw missingTokenError(channel);
  let target: URL;
  try {
    target = new URL(fileUrl);
  } catch {
    throw unexpectedAnswer(channel, "media URL is not a URL");
  }
  if (target.protocol !== "https:" && target.origin !== new URL(creds.graphApiUrl).origin) {
    throw unexpectedAnswer(channel, `refusing to send the token to ${target.origin}`);
  }
  const init: RequestInit = { method: "GET", headers: { Authorization: `Bearer ${creds.accessToken}` } };
  return withRetries(channel, true, options.retry, () =>
    exchange(channel, creds.accessToken, target.toString(), init, options.timeoutMs ?? creds.graphTimeoutMs ?? DEFAULT_TIMEOUT_MS, async (response) => ({
      body: await readCappedBody(response, options.maxBytes),
      mimeType: response.headers.get("content-type") ?? undefined,
    })),
  );
}
