import { ApiError } from "@/lib/api/errors";
import { GraphApiError } from "@/lib/channels/meta/graph-error";

/** A failed Graph call as a 502 the client can show: Meta's mapped message, never its raw body. */
export function upstreamError(error: unknown, fallback: string): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof GraphApiError) return new ApiError({ code: error.kind, status: 502, message: error.userMessage });
  console.error(`[graph] ${error instanceof Error ? error.message : String(error)}`);
  return new ApiError({ code: "UPSTREAM_ERROR", message: fallback });
}
