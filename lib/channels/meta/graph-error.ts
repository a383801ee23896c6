import { channelMeta } from "../catalog";
import type { ChannelKey } from "../types";

export type GraphErrorKind =
  | "TOKEN_EXPIRED"
  | "WINDOW_CLOSED"
  | "RATE_LIMITED"
  | "USER_UNAVAILABLE"
  | "PERMISSION_MISSING"
  | "RECIPIENT_NOT_ON_WHATSAPP"
  /** Handover protocol: Meta refused to let us take (or pass) a thread another app holds. */
  | "THREAD_CONTROL_DENIED"
  | "TRANSIENT"
  | "TIMEOUT"
  | "INVALID_REQUEST"
  | "UNKNOWN";

/** Meta's `{ error: { … } }` body, as far as we read it. */
interface MetaErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
  fbtrace_id?: string;
  error_data?: unknown;
}

interface GraphApiErrorInit {
  kind: GraphErrorKind;
  channel?: ChannelKey;
  userMessage: string;
  httpStatus?: number;
  code?: number;
  subcode?: number;
  metaMessage?: string;
  fbtraceId?: string;
  cause?: unknown;
}

const RETRYABLE: ReadonlySet<GraphErrorKind> = new Set(["TRANSIENT", "TIMEOUT", "RATE_LIMITED"]);

/**
 * A failed Graph API call, classified so the reply pipeline can decide what to do (retry, ask the
 * admin to reconnect, tell the agent the window closed) and show `userMessage` to sales staff as is.
 * Nothing here ever contains an access token: messages are built from Meta's error text and our own.
 */
export class GraphApiError extends Error {
  readonly kind: GraphErrorKind;
  readonly channel?: ChannelKey;
  readonly userMessage: string;
  readonly httpStatus?: number;
  readonly code?: number;
  readonly subcode?: number;
  readonly metaMessage?: string;
  readonly fbtraceId?: string;
  /** Whether trying the same call again later can succeed. */
  readonly retryable: boolean;

  constructor(init: GraphApiErrorInit) {
    super(logMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "GraphApiError";
    this.kind = init.kind;
    this.channel = init.channel;
    this.userMessage = init.userMessage;
    this.httpStatus = init.httpStatus;
    this.code = init.code;
    this.subcode = init.subcode;
    this.metaMessage = init.metaMessage;
    this.fbtraceId = init.fbtraceId;
    this.retryable = RETRYABLE.has(init.kind);
  }
}

function logMessage(init: GraphApiErrorInit): string {
  const codes = [init.code, init.subcode].filter((value) => value !== undefined).join("/");
  const parts = [`${channelLabel(init.channel)} Graph API ${init.kind}`];
  if (init.httpStatus !== undefined) parts.push(`HTTP ${init.httpStatus}`);
  if (codes) parts.push(`code ${codes}`);
  if (init.metaMessage) parts.push(init.metaMessage);
  if (init.fbtraceId) parts.push(`fbtrace_id ${init.fbtraceId}`);
  return parts.join(": ");
}

export function channelLabel(channel: ChannelKey | undefined): string {
  return channel ? channelMeta(channel).label : "Meta";
}

const WINDOW_SUBCODE = 2534022;
const TOKEN_CODES = new Set([102, 190]);
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80007, 130429, 131056]);
const TRANSIENT_CODES = new Set([1, 2, 131000, 131016]);
const INVALID_REQUEST_CODES = new Set([100, 131008, 131009, 131051, 131052, 131053]);
// WhatsApp template errors (missing, paused, wrong parameter count) are all 132xxx.
const isTemplateError = (code: number) => code >= 132000 && code < 133000;
const isPermissionCode = (code: number) => code === 10 || (code >= 200 && code <= 299);

/** Meta names the scope in messages like "(#200) Requires instagram_manage_messages permission". */
function permissionName(message: string | undefined): string | undefined {
  return message?.match(/\b((?:instagram|pages|whatsapp|business|public|human)_[a-z_]+)\b/)?.[1];
}

function detailsOf(error: MetaErrorBody): string | undefined {
  const data = error.error_data;
  if (typeof data === "object" && data !== null && "details" in data && typeof data.details === "string") return data.details;
  return undefined;
}

interface Classification {
  kind: GraphErrorKind;
  userMessage: string;
}

function classify(channel: ChannelKey | undefined, httpStatus: number, error: MetaErrorBody): Classification {
  const label = channelLabel(channel);
  const { code, error_subcode: subcode } = error;

  if (code !== undefined && TOKEN_CODES.has(code)) {
    return { kind: "TOKEN_EXPIRED", userMessage: `${label} token expired — reconnect in Settings` };
  }
  if ((code === 10 && subcode === WINDOW_SUBCODE) || code === 131047) {
    const whatsappHint = channel === "whatsapp" ? " Or send an approved template to reopen the conversation." : "";
    return {
      kind: "WINDOW_CLOSED",
      userMessage: `24-hour messaging window expired. Wait for the customer to message first.${whatsappHint}`,
    };
  }
  if (code === 551) {
    return { kind: "USER_UNAVAILABLE", userMessage: `This person isn't available on ${label} right now, so the message was not delivered.` };
  }
  if (code === 131026) {
    return {
      kind: "RECIPIENT_NOT_ON_WHATSAPP",
      userMessage: "This number can't receive WhatsApp messages (not on WhatsApp, or on an outdated app version).",
    };
  }
  if ((code !== undefined && RATE_LIMIT_CODES.has(code)) || httpStatus === 429) {
    const userMessage =
      code === 131056
        ? "Too many messages to this customer in a short time. Wait a minute and try again."
        : `${label} is limiting how fast we can send right now. Try again in a few minutes.`;
    return { kind: "RATE_LIMITED", userMessage };
  }
  if (code !== undefined && isPermissionCode(code)) {
    const permission = permissionName(error.message);
    return {
      kind: "PERMISSION_MISSING",
      userMessage: permission
        ? `${label} permission missing: ${permission}. Grant it to the app and reconnect in Settings.`
        : `${label} permission missing for this action. Check the app's permissions and reconnect in Settings.`,
    };
  }
  if (error.is_transient === true || httpStatus >= 500 || (code !== undefined && TRANSIENT_CODES.has(code))) {
    return { kind: "TRANSIENT", userMessage: `${label} had a temporary problem. Try again in a moment.` };
  }
  if (code !== undefined && (INVALID_REQUEST_CODES.has(code) || isTemplateError(code))) {
    const reason = detailsOf(error) ?? error.message;
    return { kind: "INVALID_REQUEST", userMessage: `${label} rejected the message${reason ? `: ${reason}` : "."}` };
  }
  return { kind: "UNKNOWN", userMessage: `${label} could not process the request. Try again, or contact an admin if it keeps failing.` };
}

function asMetaError(body: unknown): MetaErrorBody {
  if (typeof body !== "object" || body === null || !("error" in body)) return {};
  const error = body.error;
  if (typeof error !== "object" || error === null) return {};
  const raw = error as Record<string, unknown>;
  const pick = <T>(key: string, type: "string" | "number" | "boolean") => (typeof raw[key] === type ? (raw[key] as T) : undefined);
  return {
    message: pick<string>("message", "string"),
    type: pick<string>("type", "string"),
    code: pick<number>("code", "number"),
    error_subcode: pick<number>("error_subcode", "number"),
    is_transient: pick<boolean>("is_transient", "boolean"),
    fbtrace_id: pick<string>("fbtrace_id", "string"),
    error_data: raw.error_data,
  };
}

/** Classifies a non-2xx Graph answer. `body` is the parsed JSON, or anything else Meta (or a proxy) sent. */
export function graphErrorFromResponse(channel: ChannelKey | undefined, httpStatus: number, body: unknown): GraphApiError {
  const error = asMetaError(body);
  const { kind, userMessage } = classify(channel, httpStatus, error);
  return new GraphApiError({
    kind,
    channel,
    userMessage,
    httpStatus,
    code: error.code,
    subcode: error.error_subcode,
    metaMessage: error.message,
    fbtraceId: error.fbtrace_id,
  });
}

/** The request never got an answer: DNS, refused or reset connection. */
export function graphNetworkError(channel: ChannelKey | undefined, cause: unknown): GraphApiError {
  return new GraphApiError({
    kind: "TRANSIENT",
    channel,
    userMessage: `Couldn't reach ${channelLabel(channel)}. Check the connection and try again.`,
    metaMessage: networkReason(cause),
    cause,
  });
}

export function graphTimeoutError(channel: ChannelKey | undefined, timeoutMs: number): GraphApiError {
  return new GraphApiError({
    kind: "TIMEOUT",
    channel,
    userMessage: `${channelLabel(channel)} took too long to answer. If this was a send, check the conversation before retrying: it may have gone through.`,
    metaMessage: `no answer within ${timeoutMs} ms`,
  });
}

// undici reports "fetch failed" and hides the useful part (ECONNREFUSED, ENOTFOUND) in `cause`.
function networkReason(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause;
  if (inner instanceof Error) return `${cause.message}: ${"code" in inner ? String(inner.code) : inner.message}`;
  return cause.message;
}
