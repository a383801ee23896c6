import { describeError } from "@/lib/describe-error";

/**
 * One error type for the whole API. Services throw `ApiError`; the route wrapper turns it into
 * `{ "error": { "code", "message", "details"? } }` with the status from this table.
 */

export const errorStatus = {
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  UNAUTHORIZED: 401,
  INVALID_SIGNATURE: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  MESSAGING_WINDOW_CLOSED: 422,
  CHANNEL_NOT_CONFIGURED: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  UPSTREAM_ERROR: 502,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorDetail {
  field: string;
  issue: string;
}

export class ApiError extends Error {
  readonly code: ErrorCode | (string & {});
  readonly status: number;
  readonly details?: ErrorDetail[];
  /** Extra JSON fields a client can act on (e.g. the failed message for a retry). */
  readonly extra?: Record<string, unknown>;
  /** Response headers the client acts on (e.g. Retry-After on 429). */
  readonly headers?: Record<string, string>;

  constructor(options: {
    code: ErrorCode | (string & {});
    message: string;
    status?: number;
    details?: ErrorDetail[];
    extra?: Record<string, unknown>;
    headers?: Record<string, string>;
  }) {
    super(options.message);
    this.name = "ApiError";
    this.code = options.code;
    this.status = options.status ?? errorStatus[options.code as ErrorCode] ?? 500;
    this.details = options.details;
    this.extra = options.extra;
    this.headers = options.headers;
  }
}

export function errorBody(error: ApiError) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    },
    ...(error.extra ?? {}),
  };
}

/**
 * Prisma codes for a database that is busy (SQLite past its busy timeout is P1008), unreachable or
 * out of connections: the request may succeed if repeated, so callers get 503 + Retry-After, not a
 * final-looking 500 — Meta redelivers a webhook answered 503 instead of dropping it. Matched by
 * name and code so this module stays free of the Prisma client.
 */
const DATABASE_UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2034"]);
/**
 * A raw query (P2010) reports the same conditions only as its driver adapter's error kind: SQLite
 * past its busy timeout is "SocketTimeout" there, as it is behind P1008.
 */
const DRIVER_UNAVAILABLE_KINDS = new Set(["SocketTimeout", "DatabaseNotReachable", "ConnectionClosed", "TooManyConnections"]);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code, meta } = error as { name?: unknown; code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  if (name === "PrismaClientInitializationError") return true;
  if (name !== "PrismaClientKnownRequestError" || typeof code !== "string") return false;
  if (code === "P2010") return DRIVER_UNAVAILABLE_KINDS.has(String(meta?.driverAdapterError?.cause?.kind));
  return DATABASE_UNAVAILABLE_CODES.has(code);
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    return Response.json(errorBody(error), { status: error.status, headers: error.headers });
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`[api] database unavailable: ${(error as { code?: string }).code ?? "initialization"}`);
    return Response.json(
      { error: { code: "SERVICE_UNAVAILABLE", message: "The database is busy. Please try again in a moment." } },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
  // Unknown errors are logged server-side by name and message only (never request data, which may
  // carry tokens) and answered without details.
  console.error(`[api] unexpected error: ${describeError(error)}`);
  return Response.json(
    { error: { code: "INTERNAL_ERROR", message: "Something went wrong on our side. Please try again." } },
    { status: 500 },
  );
}
