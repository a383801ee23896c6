import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { crossOriginRefusal } from "@/lib/api/cross-origin-guard";
import { errorResponse } from "@/lib/api/errors";
import { contentSecurityPolicy } from "@/lib/content-security-policy";
import { env } from "@/lib/env";
import { REQUESTED_PATH_HEADER } from "@/lib/requested-path";

/**
 * Runs before every page request: refuses cross-origin server-action posts
 * (lib/api/cross-origin-guard.ts; API routes apply the same guard in their wrapper, lib/api/handler.ts),
 * gives the page a fresh script nonce and the CSP that requires it, and tells the page which path it
 * renders for (lib/requested-path.ts). Next reads the nonce from
 * the request's CSP header and puts it on its scripts; that is why every page renders per request.
 */
export function proxy(request: NextRequest) {
  const refusal = crossOriginRefusal(request.method, request.nextUrl.pathname, request.headers);
  if (refusal) return errorResponse(refusal);
  const nonce = randomBytes(16).toString("base64");
  const policy = contentSecurityPolicy(nonce, env.NODE_ENV === "development", env.MEDIA_ALLOWED_HOSTS, {
    inlineStyles: request.nextUrl.pathname === API_DOCS_PATH,
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set(REQUESTED_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

/** The API reference is a page that lives under /api (its path is part of the API's contract). */
const API_DOCS_PATH = "/api/v1/docs";

export const config = {
  // Not the API: a proxy makes Next buffer each request body in memory (and cut it at 10 MB) before
  // the route runs, which would break large uploads and make webhooks read unsigned bodies whole.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)", "/api/v1/docs"],
};
