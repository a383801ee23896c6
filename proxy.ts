import { NextResponse, type NextRequest } from "next/server";
import { crossOriginRefusal } from "@/lib/api/cross-origin-guard";
import { errorResponse } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { requestOrigin } from "@/lib/settings/app-origin";

/**
 * Runs before every route, pages, server actions and API alike, so no route can forget it: refuses
 * cross-origin state-changing requests (lib/api/cross-origin-guard.ts).
 */
export function proxy(request: NextRequest) {
  const refusal = crossOriginRefusal({
    method: request.method,
    pathname: request.nextUrl.pathname,
    headers: request.headers,
    ownOrigins: [requestOrigin(request.headers), ...(env.APP_URL ? [env.APP_URL] : [])],
  });
  if (refusal) return errorResponse(refusal);
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
