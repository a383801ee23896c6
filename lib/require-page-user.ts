import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "@/lib/auth";
import { REQUESTED_PATH_HEADER } from "@/lib/requested-path";
import { safeRedirectPath } from "@/lib/safe-redirect";

/**
 * For server pages: the signed-in user, or a redirect to sign-in that comes back to the page asked
 * for (a deep link such as /inbox?c=…&channel=whatsapp survives signing in).
 */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  const requested = safeRedirectPath((await headers()).get(REQUESTED_PATH_HEADER));
  if (!user) redirect(requested === "/inbox" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(requested)}`);
  // The team requires two-factor sign-in for admins: this one sets it up before anything else.
  if (user.mustEnrollTwoFactor && !requested.startsWith("/account")) redirect("/account");
  return user;
}
