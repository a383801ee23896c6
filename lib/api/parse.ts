import type { z } from "zod";
import { ApiError, type ErrorDetail } from "@/lib/api/errors";

export const DEFAULT_MAX_BODY_BYTES = 1_000_000;

export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({ field: issue.path.join(".") || "(body)", issue: issue.message }));
}

export function validate<S extends z.ZodType>(schema: S, value: unknown, what = "request"): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const details = zodDetails(result.error);
    throw new ApiError({
      code: "VALIDATION_FAILED",
      message: `Invalid ${what}: ${details.map((detail) => `${detail.field} ${detail.issue}`).join("; ")}`,
      details,
    });
  }
  return result.data;
}

/** Reads the body as bytes with a hard cap, so an oversized body is refused before it is buffered whole. */
export async function readRawBody(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw payloadTooLarge(maxBytes);
  if (!req.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function payloadTooLarge(maxBytes: number) {
  return new ApiError({ code: "PAYLOAD_TOO_LARGE", message: `Request body is larger than ${maxBytes} bytes` });
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError({ code: "INVALID_JSON", message: "Request body is not valid JSON" });
  }
}

export async function parseJsonBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<z.infer<S>> {
  const raw = await readRawBody(req, maxBytes);
  const body = parseJsonText(raw.toString("utf8"));
  if (containsNul(body)) {
    // PostgreSQL refuses NUL in text; refusing it here keeps both databases answering alike.
    throw new ApiError({ code: "VALIDATION_FAILED", message: "Text must not contain NUL characters" });
  }
  return validate(schema, body, "request body");
}

function containsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\0");
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === "object") return Object.entries(value).some(([key, item]) => key.includes("\0") || containsNul(item));
  return false;
}

export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = new URL(req.url).searchParams;
  return validate(schema, Object.fromEntries(params.entries()), "query");
}
