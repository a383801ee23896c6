/** An API error as the client sees it: `{ error: { code, message } }` plus any extra fields. */
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiClientError";
  }
}

/** The SWR fetcher and the mutation helper: JSON in, JSON out, API errors thrown typed. */
export async function fetchJson<T>(url: string, init?: { method?: string; body?: unknown }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init?.method ?? "GET",
      headers: init?.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiClientError(0, "NETWORK_ERROR", "Can't reach the server. Check your connection and try again.");
  }
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown> & { error?: { code?: string; message?: string } };
  if (!res.ok) {
    throw new ApiClientError(res.status, body.error?.code ?? "HTTP_ERROR", body.error?.message ?? `Request failed (${res.status})`, body);
  }
  return body as T;
}
