import { crossOriginRefusal } from "@/lib/api/cross-origin-guard";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { getSessionUser, type SessionUser } from "@/lib/auth";

/**
 * Route wrappers: refuse cross-origin state changes, authenticate, then run the handler; any thrown
 * error becomes the one JSON error shape. Handlers stay thin: parse, call `lib/`, answer.
 */

interface RouteContext<P> {
  params: Promise<P>;
}

interface HandlerArgs<P> {
  req: Request;
  params: P;
}

type Params = Record<string, string | string[]>;

/**
 * A NUL character is never meaningful in an id or a query, and PostgreSQL refuses it in text
 * (SQLite does not), so it is refused here, once, for every route.
 */
function refuseNulCharacters(req: Request, params: Params | undefined) {
  const values = [...Object.values(params ?? {}).flat(), ...new URL(req.url).searchParams.values()];
  if (values.some((value) => value.includes("\0"))) {
    throw new ApiError({ code: "BAD_REQUEST", message: "The request's path or query contains a NUL character" });
  }
}

export function withPublic<P extends Params = Params>(handler: (args: HandlerArgs<P>) => Promise<Response>) {
  return async (req: Request, context: RouteContext<P>) => {
    try {
      const refusal = crossOriginRefusal(req.method, new URL(req.url).pathname, req.headers);
      if (refusal) throw refusal;
      const params = await context.params;
      refuseNulCharacters(req, params);
      return await handler({ req, params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function withUser<P extends Params = Params>(
  handler: (args: HandlerArgs<P> & { user: SessionUser }) => Promise<Response>,
) {
  return withPublic<P>(async (args) => {
    const user = await getSessionUser();
    if (!user) throw new ApiError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
    // An admin the team requires to use two-factor sign-in can only set it up until they have.
    if (user.mustEnrollTwoFactor && !new URL(args.req.url).pathname.startsWith("/api/account/")) {
      throw new ApiError({ code: "FORBIDDEN", message: "Set up two-factor sign-in on your account page first." });
    }
    return handler({ ...args, user });
  });
}

export function withAdmin<P extends Params = Params>(
  handler: (args: HandlerArgs<P> & { user: SessionUser }) => Promise<Response>,
) {
  return withUser<P>(async (args) => {
    if (args.user.role !== "ADMIN") {
      throw new ApiError({ code: "FORBIDDEN", message: "Only admins can do this. Ask an admin on your team." });
    }
    return handler(args);
  });
}
