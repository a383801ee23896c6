import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { checkOutboundUrl, FetchRefusedError, type FenceOptions } from "@/lib/net/fenced-fetch";

/**
 * Endpoint URLs are fenced like customer media links (lib/net/): no loopback, private, link-local
 * or metadata address, checked when saved and again when each delivery connects (DNS can change
 * in between). WEBHOOKS_ALLOW_PRIVATE_URLS=true trusts every host, for local receivers in tests.
 */
export function fenceFor(url: string): FenceOptions {
  return env.WEBHOOKS_ALLOW_PRIVATE_URLS ? { trustedPrivateHosts: [new URL(url).host], maxRedirects: 0 } : { maxRedirects: 0 };
}

export async function assertEndpointUrlAllowed(url: string): Promise<void> {
  try {
    await checkOutboundUrl(url, fenceFor(url));
  } catch (error) {
    if (error instanceof FetchRefusedError) {
      throw new ApiError({ code: "VALIDATION_FAILED", message: `${error.message}. Webhook URLs must be public.`, details: [{ field: "url", issue: error.message }] });
    }
    throw error;
  }
}
