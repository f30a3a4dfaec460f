import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { logger } from "@/lib/runtime/logger";
import { createSession, endSessionById, isSessionOpen, SESSION_MAX_AGE_SECONDS } from "@/lib/server/sessions/sessions";
import { passwordLoginEnabled, ssoSettings, type SsoSettings } from "@/lib/server/sso/sso-settings";
import { signInWithIdentity, type IdTokenClaims } from "@/lib/server/users/sign-in-with-identity";
import { verifyCredentials } from "@/lib/server/users/verify-credentials";
import { safeRedirectPath } from "@/lib/validations/redirect";
import { SSO_ERROR_CODES, SSO_PROVIDER_ID } from "@/lib/domain/sign-in";

/** Where a sign-in request came from, for its session's row (Settings lists sessions by device and address). */
export interface SignInRequest {
  userAgent: string | null;
  clientAddress: string;
}

/** The user a provider hands the jwt callback: ours (its id is our user's id, not the provider's subject). */
interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

/**
 * The identity provider, from OIDC_* (lib/server/sso/sso-settings.ts): NextAuth's
 * own OAuth/OIDC client (openid-client underneath) discovers the endpoints from
 * the issuer when someone signs in, checks PKCE and state, and reads the
 * person from the ID token.
 */
function oidcProvider(settings: SsoSettings): OAuthConfig<IdTokenClaims> {
  return {
    id: SSO_PROVIDER_ID,
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    checks: ["pkce", "state"],
    idToken: true,
    // Replaced by our user in the signIn callback; `id` here is only NextAuth's placeholder.
    profile: (claims) => ({ id: String(claims.sub), email: typeof claims.email === "string" ? claims.email : null }),
  };
}

/**
 * next-auth 4.24 (the stable line, which declares Next 16 as a peer) with a
 * Credentials provider, the organisation's OIDC provider when configured, and
 * JWT session cookies. The cookie carries a session id (`sid`) whose row in
 * `sessions` must exist for the cookie to work (lib/server/sessions): signing
 * out deletes it, so a copied cookie stops working at once, and "sign out
 * everywhere" and a password change delete the rest. Either way of signing in
 * makes the same row.
 *
 * Built per request (app/api/auth/[...nextauth]/route.ts): the session row
 * records the request's device and address, and the providers follow the
 * environment as it is now.
 */
export function authOptionsFor(request: SignInRequest): NextAuthOptions {
  const sso = ssoSettings();
  const providers: NextAuthOptions["providers"] = [];
  if (passwordLoginEnabled())
    providers.push(
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials) {
          const result = await verifyCredentials({ email: credentials?.email, password: credentials?.password }, request.clientAddress);
          if (!("user" in result)) return null;
          const user: SignedInUser = result.user;
          return user;
        },
      }),
    );
  if (sso) providers.push(oidcProvider(sso));
  return {
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // NextAuth's errors (a refused or failed provider sign-in) come back to our sign-in page as `?error=…`.
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== SSO_PROVIDER_ID) return true;
        if (!sso || !profile) return false;
        const result = await signInWithIdentity({
          provider: SSO_PROVIDER_ID,
          claims: profile as IdTokenClaims,
          allowedDomains: sso.allowedDomains,
        });
        if ("refused" in result) {
          logger().info({ refused: result.refused }, "single sign-on refused");
          // NextAuth sends a thrown message to the error page (ours: /signin?error=…), which words it.
          throw new Error(SSO_ERROR_CODES[result.refused]);
        }
        // The same object reaches the jwt callback as `user`: from here on it is our user.
        Object.assign(user, result.user);
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as SignedInUser;
          token.sub = signedIn.id;
          token.sid = await createSession({ userId: signedIn.id, userAgent: request.userAgent, clientAddress: request.clientAddress });
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
      error: (code, metadata) => logger().error({ code, err: errorText(metadata) }, "next-auth"),
      warn: (code) => logger().warn({ code }, "next-auth"),
      debug: () => undefined,
    },
  };
}

/** The message of what NextAuth logs with an error (an Error, or `{ error }` for provider failures). */
function errorText(metadata: unknown): string | undefined {
  if (metadata instanceof Error) return metadata.message;
  const inner = (metadata as { error?: unknown } | undefined)?.error;
  return inner instanceof Error ? inner.message : undefined;
}
