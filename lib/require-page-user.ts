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
  if (!user) {
    const requested = safeRedirectPath((await headers()).get(REQUESTED_PATH_HEADER));
    redirect(requested === "/inbox" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(requested)}`);
  }
  return user;
}
