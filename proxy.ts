import { NextResponse, type NextRequest } from "next/server";
import { crossOriginRefusal } from "@/lib/api/cross-origin-guard";
import { errorResponse } from "@/lib/api/errors";

/**
 * Runs before every page request: refuses cross-origin server-action posts
 * (lib/api/cross-origin-guard.ts; API routes apply the same guard in their wrapper, lib/api/handler.ts).
 */
export function proxy(request: NextRequest) {
  const refusal = crossOriginRefusal(request.method, request.nextUrl.pathname, request.headers);
  if (refusal) return errorResponse(refusal);
  return NextResponse.next();
}

export const config = {
  // Not the API: a proxy makes Next buffer each request body in memory (and cut it at 10 MB) before
  // the route runs, which would break large uploads and make webhooks read unsigned bodies whole.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
