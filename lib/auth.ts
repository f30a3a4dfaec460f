import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { CLIENT_ADDRESS_HEADER } from "@/lib/runtime/client-address";
import { logger } from "@/lib/runtime/logger";
import { createSession, endSessionById, isSessionOpen, SESSION_MAX_AGE_SECONDS } from "@/lib/server/sessions/sessions";
import { verifyCredentials } from "@/lib/server/users/verify-credentials";
import { safeRedirectPath } from "@/lib/validations/redirect";

/** What authorize hands the jwt callback besides the user: where the sign-in came from, for the session's row. */
interface SignedInUser {
  id: string;
  email: string;
  name: string;
  userAgent: string | null;
  clientAddress: string;
}

/** A header of the plain request object NextAuth gives `authorize` (or of a Headers). */
function header(headers: unknown, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(value) ? value[0] : (value ?? null);
}

/**
 * next-auth 4.24 (the stable line, which declares Next 16 as a peer) with a
 * Credentials provider and JWT session cookies. The cookie carries a session
 * id (`sid`) whose row in `sessions` must exist for the cookie to work
 * (lib/server/sessions): signing out deletes it, so a copied cookie stops
 * working at once, and "sign out everywhere" and a password change delete the rest.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const clientAddress = header(req?.headers, CLIENT_ADDRESS_HEADER) ?? "unknown";
        const result = await verifyCredentials({ email: credentials?.email, password: credentials?.password }, clientAddress);
        if (!("user" in result)) return null;
        const user: SignedInUser = { ...result.user, userAgent: header(req?.headers, "user-agent"), clientAddress };
        return user;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const signedIn = user as SignedInUser;
        token.sub = signedIn.id;
        token.sid = await createSession({ userId: signedIn.id, userAgent: signedIn.userAgent, clientAddress: signedIn.clientAddress });
        return token;
      }
      // NextAuth's own session endpoint: a cookie whose session has ended gets nothing (and is cleared).
      if (!(await isSessionOpen(token.sid))) throw new Error("This session has ended.");
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
    redirect({ url, baseUrl }) {
      // Only paths on this site, whichever way NextAuth was handed the target.
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return baseUrl + safeRedirectPath(path);
    },
  },
  events: {
    async signOut({ token }) {
      await endSessionById(token?.sid);
    },
  },
  logger: {
    error: (code, metadata) => logger().error({ code, err: metadata instanceof Error ? metadata.message : undefined }, "next-auth"),
    warn: (code) => logger().warn({ code }, "next-auth"),
    debug: () => undefined,
  },
};
