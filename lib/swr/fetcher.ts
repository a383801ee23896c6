/**
 * JSON over fetch for SWR hooks and mutations. Non-2xx answers become a `FetchError` carrying the
 * API's `{ error: { code, message, details } }`, so forms can show the message and field issues.
 */

export interface FieldIssue {
  field: string;
  issue: string;
}

export class FetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details: FieldIssue[] = [],
    /** The whole answer: some errors carry more, e.g. a failed reply's stored FAILED `message`. */
    readonly body: Record<string, unknown> | null = null,
  ) {
    super(message);
    this.name = "FetchError";
  }

  /** The issue for one form field, if the server named it. */
  fieldIssue(field: string): string | undefined {
    return this.details.find((detail) => detail.field === field)?.issue;
  }
}

/** `body` goes as JSON, or as multipart/form-data when it is a FormData (file uploads). */
export async function requestJson<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  const isForm = init.body instanceof FormData;
  try {
    response = await fetch(url, {
      method: init.method ?? "GET",
      headers: init.body === undefined || isForm ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : isForm ? (init.body as FormData) : JSON.stringify(init.body),
    });
  } catch {
    throw new FetchError("Can't reach the server. Check your connection and try again.", 0, "NETWORK_ERROR");
  }
  const body = (await response.json().catch(() => null)) as
    | (T & { error?: { code?: string; message?: string; details?: FieldIssue[] } })
    | null;
  if (!response.ok) {
    const error = body?.error;
    // A validation error's message names fields for developers ("Invalid request body: shortcut …");
    // people read the issues themselves, which the schemas word for them.
    const issues = error?.details?.map((detail) => detail.issue).filter(Boolean) ?? [];
    throw new FetchError(
      issues.length > 0 ? issues.join(". ") : (error?.message ?? `Request failed (HTTP ${response.status})`),
      response.status,
      error?.code ?? "UNKNOWN",
      error?.details,
      body as Record<string, unknown> | null,
    );
  }
  return body as T;
}

export const fetcher = <T>(url: string) => requestJson<T>(url);
