import { authenticateApiToken, type ApiCaller } from "@/lib/api-tokens/authenticate-api-token";
import { consumeRateLimit } from "@/lib/api-tokens/rate-limit";
import { ApiError } from "@/lib/api/errors";
import { withPublic } from "@/lib/api/handler";

/**
 * The wrapper for the REST API (/api/v1): a Bearer token, never the session cookie (which is not
 * even read), rate limited per token; `write` routes refuse read-only tokens with 403. The
 * same-origin check does not apply: with no cookie there is nothing a cross-site page could borrow
 * (lib/api/cross-origin-guard.ts exempts /api/v1/).
 */

type Params = Record<string, string | string[]>;

interface ApiHandlerArgs<P> {
  req: Request;
  params: P;
  caller: ApiCaller;
}

export function withApiToken<P extends Params = Params>(
  access: "read" | "write",
  handler: (args: ApiHandlerArgs<P>) => Promise<Response>,
) {
  return withPublic<P>(async ({ req, params }) => {
    const caller = await authenticateApiToken(req.headers.get("authorization"));
    await consumeRateLimit(caller.tokenId);
    if (access === "write" && caller.scope !== "read_write") {
      throw new ApiError({ code: "FORBIDDEN", message: "This API token is read-only: create a read_write token to make changes" });
    }
    return handler({ req, params, caller });
  });
}
