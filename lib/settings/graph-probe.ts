import { env } from "@/lib/env";

/**
 * One read-only Graph API call for the connection test, with Meta's errors turned into what an
 * admin should do next. The token travels in the Authorization header, never in the URL (URLs end
 * up in logs).
 */

export type GraphProbeResult =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; error: string; reconnect: boolean };

const TIMEOUT_MS = 10_000;

export async function graphGet(
  creds: { accessToken: string; graphApiVersion: string },
  node: string,
  fields: string,
): Promise<GraphProbeResult> {
  const url = `${env.META_GRAPH_API_URL.replace(/\/+$/, "")}/${creds.graphApiVersion}/${encodeURIComponent(node)}?fields=${encodeURIComponent(fields)}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Authorization: `Bearer ${creds.accessToken}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    return { ok: false, reconnect: false, error: timedOut ? "Meta's Graph API did not answer within 10 seconds. Try again." : "Could not reach Meta's Graph API. Check the server's network and try again." };
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.ok && body) return { ok: true, body };
  return describeGraphError(response.status, body?.error);
}

export function describeGraphError(status: number, error: unknown): { ok: false; error: string; reconnect: boolean } {
  const detail = (typeof error === "object" && error !== null ? error : {}) as { code?: number; message?: string };
  const message = detail.message ?? `HTTP ${status}`;
  if (detail.code === 190 || status === 401) {
    return { ok: false, reconnect: true, error: `The access token has expired or was revoked. Reconnect: create a new token in Meta's App Dashboard and save it here. (${message})` };
  }
  if (detail.code === 10 || (detail.code !== undefined && detail.code >= 200 && detail.code < 300)) {
    return { ok: false, reconnect: false, error: `The token is missing a permission: ${message}` };
  }
  if (detail.code === 4 || detail.code === 17 || detail.code === 32 || detail.code === 613) {
    return { ok: false, reconnect: false, error: "Meta is rate-limiting this app. Wait a few minutes and test again." };
  }
  if (detail.code === 100) {
    return { ok: false, reconnect: false, error: `Meta does not know this account id, or the token cannot see it: ${message}` };
  }
  return { ok: false, reconnect: false, error: `Meta answered: ${message}` };
}
