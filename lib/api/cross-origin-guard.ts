import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { requestOrigin } from "@/lib/settings/app-origin";

/**
 * Cross-site request forgery guard for every state-changing request: API routes through their
 * wrapper (lib/api/handler.ts), pages' server actions through proxy.ts. SameSite=Lax
 * cookies stop other sites, but not a sibling subdomain or another port of the same site, whose
 * requests still carry the session. So a POST/PUT/PATCH/DELETE must come from the app's own origin
 * (Origin and Sec-Fetch-Site, which browsers always send on such requests and pages can't forge),
 * and an API body must be JSON (or multipart where a route takes uploads): the types an HTML form
 * or a "simple" cross-origin fetch can send without a CORS preflight are refused.
 *
 * Requests without Origin or Sec-Fetch-Site come from outside a browser (curl, scripts, tests) and
 * carry no ambient credentials an attacker could borrow, so they pass on the content type alone.
 */

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Callers that authenticate without cookies: next-auth's own CSRF-protected endpoints, Meta's signed webhooks, and the token API. */
const EXEMPT_PREFIXES = ["/api/auth/", "/api/webhooks/", "/api/v1/"];

/** API routes that take file uploads as multipart/form-data. */
const UPLOAD_ROUTES = [/^\/api\/inbox\/conversations\/[^/]+\/attachments$/];

export function crossOriginRefusal(method: string, pathname: string, headers: Headers): ApiError | null {
  // The origins the app answers on: APP_URL's, and the one this request was addressed to.
  const ownOrigins = [requestOrigin(headers), ...(env.APP_URL ? [env.APP_URL] : [])];
  return refusalFor({ method, pathname, headers, ownOrigins });
}

export interface GuardedRequest {
  method: string;
  pathname: string;
  headers: Headers;
  ownOrigins: string[];
}

/** The rule itself, given the app's own origins. */
export function refusalFor(req: GuardedRequest): ApiError | null {
  if (!STATE_CHANGING.has(req.method.toUpperCase())) return null;
  if (EXEMPT_PREFIXES.some((prefix) => req.pathname.startsWith(prefix))) return null;

  const fetchSite = req.headers.get("sec-fetch-site");
  // "none": typed into the address bar or a bookmark, which can't carry a request body anyway.
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return forbidden();
  const origin = req.headers.get("origin");
  if (origin !== null && !isOwnOrigin(origin, req.ownOrigins)) return forbidden();

  if (req.pathname.startsWith("/api/")) return contentTypeRefusal(req);
  return null;
}

function isOwnOrigin(origin: string, ownOrigins: string[]): boolean {
  let given: URL;
  try {
    given = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file: pages) and garbage
  }
  // Host and port must match; the scheme may differ behind a TLS-terminating proxy that is not trusted to say so.
  return ownOrigins.some((own) => new URL(own).host === given.host);
}

function contentTypeRefusal(req: GuardedRequest): ApiError | null {
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type === "application/json") return null;
  if (type === "multipart/form-data" && UPLOAD_ROUTES.some((route) => route.test(req.pathname))) return null;
  // A request with no body (e.g. "mark read") declares no type; one with a body must.
  if (type === undefined && !hasBody(req.headers)) return null;
  return new ApiError({
    code: "FORBIDDEN",
    message: "State-changing requests must send Content-Type: application/json",
  });
}

function hasBody(headers: Headers): boolean {
  const length = headers.get("content-length");
  return headers.has("transfer-encoding") || (length !== null && length !== "0");
}

function forbidden() {
  return new ApiError({ code: "FORBIDDEN", message: "Cross-origin requests are not allowed" });
}
