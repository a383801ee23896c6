import { redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "@/lib/auth";

/** For server pages: the signed-in user, or a redirect to sign-in (or setup on a new install). */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
}
