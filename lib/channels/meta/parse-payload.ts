import type { z } from "zod";
import { WebhookPayloadError } from "../types";

/**
 * Validates a webhook delivery (or, with `at`, the part of one found at that path), turning zod's
 * issues into one WebhookPayloadError that names the field.
 */
export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown, label: string, at: (string | number)[] = []): z.infer<S> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((issue) => `${[...at, ...issue.path].join(".") || "(root)"}: ${issue.message}`);
  throw new WebhookPayloadError(`Invalid ${label} webhook payload: ${issues.join("; ")}`);
}
