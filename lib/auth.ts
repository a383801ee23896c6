import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { authSecret } from "@/lib/local-secrets";
import { clientIp } from "@/lib/net/client-ip";
import { getSecurityPolicy } from "@/lib/users/security-policy";
import { openUserSession, touchUserSession } from "@/lib/users/user-sessions";
import { verifyCredentials } from "@/lib/users/verify-credentials";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: "ADMIN" | "AGENT";
  twoFactorEnabled: boolean;
  /** An admin without two-factor sign-in while the team requires it: may only set it up. */
  mustEnrollTwoFactor: boolean;
}

/** Error names the sign-in form tells apart (next-auth passes a thrown error's message back as `error`). */
export const SIGN_IN_THROTTLED = "TooManyAttempts";
export const SIGN_IN_CODE_REQUIRED = "TwoFactorRequired";
export const SIGN_IN_CODE_INVALID = "TwoFactorInvalid";
const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Authentication code", type: "text" },
      },
      async authorize(credentials, req) {
        const result = await verifyCredentials(credentials, clientIp(req?.headers));
        if (result.ok) return result.user;
        if (result.reason === "throttled") throw new Error(SIGN_IN_THROTTLED);
        if (result.reason === "two-factor-required") throw new Error(SIGN_IN_CODE_REQUIRED);
        if (result.reason === "two-factor-invalid") throw new Error(SIGN_IN_CODE_INVALID);
        return null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const signedIn = user as unknown as { id: string; role: string; sessionVersion: number };
        token.sub = signedIn.id;
        token.role = signedIn.role;
        token.sessionVersion = signedIn.sessionVersion;
        // A server-side row per sign-in, so idle and absolute lifetimes can end it (user-sessions.ts).
        token.sid = await openUserSession(signedIn.id);
      }
      return token;
    },
    async session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, id: token.sub, role: token.role },
        sessionVersion: token.sessionVersion,
        sid: token.sid,
      };
    },
  },
};

/**
 * The signed-in staff member, re-read from the database on every request: a disabled account, a
 * changed role or a reset password (which bump `sessionVersion`) take effect at once.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(authOptions)) as
    | { user?: { id?: string }; sessionVersion?: number; sid?: unknown }
    | null;
  const id = session?.user?.id;
  if (!id || typeof session.sid !== "string") return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, disabledAt: true, sessionVersion: true, totpEnabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  if (session.sessionVersion !== user.sessionVersion) return null;
  const policy = await getSecurityPolicy();
  if (!(await touchUserSession(session.sid, user.id, policy))) return null;
  const twoFactorEnabled = user.totpEnabledAt !== null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    twoFactorEnabled,
    mustEnrollTwoFactor: user.role === "ADMIN" && policy.requireTwoFactorForAdmins && !twoFactorEnabled,
  };
}
