/**
 * A real OpenID provider for the end-to-end tests (the `oidc-provider`
 * package), on 127.0.0.1 and a free port, started by the test runner
 * (scripts/test.ts) before the app so the app is configured with it.
 *
 * Its sign-in page is the package's own development form ("Enter any login",
 * "and password"): the login typed is the account. Every address is an account,
 * so each test signs in as people of its own:
 *   - the login is the email (lower-cased), and the subject (`sub`);
 *   - the name comes from the local part ("ada.lovelace-x1" → "Ada Lovelace");
 *   - a local part starting with "unverified" has `email_verified: false`.
 * The password is not checked. Consent is given at once (a first-party client).
 */
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import Provider from "oidc-provider";

/** What the app is told about the provider (OIDC_NAME, OIDC_ALLOWED_DOMAINS) and the tests rely on. */
export const TEST_SSO = {
  name: "Test SSO",
  clientId: "marginalia-e2e",
  /** People in these domains may sign in; anything else is refused. */
  allowedDomains: ["example.test", "partner.test"],
  /** A domain the provider knows but the app does not allow. */
  otherDomain: "elsewhere.test",
};

export interface RunningOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/** "ada.lovelace-x1@example.test" → "Ada Lovelace": words of letters, each capitalised. */
export function nameOfLogin(email: string): string {
  const local = email.slice(0, email.indexOf("@"));
  const words = local.split(/[._-]+/).filter((w) => /^[a-z]+$/i.test(w) && !/^x\d*$/i.test(w));
  return words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join(" ") || local;
}

export async function startOidcProvider(options: { port: number; redirectUris: string[] }): Promise<RunningOidcProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const clientSecret = randomBytes(24).toString("base64url");
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_SSO.clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Real providers (Keycloak, Entra ID) put the person in the ID token; NextAuth reads it there (idToken: true).
    conformIdTokenClaims: false,
    // PKCE for every client, so a sign-in without it fails here as it would with a strict provider.
    pkce: { required: () => true },
    async findAccount(_ctx: unknown, id: string) {
      const email = id.trim().toLowerCase();
      if (!email.includes("@")) return undefined;
      return {
        accountId: email,
        async claims() {
          return { sub: email, email, email_verified: !email.startsWith("unverified"), name: nameOfLogin(email) };
        },
      };
    },
    async loadExistingGrant(ctx: GrantContext) {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  // The development-only warnings (dev interactions, dev keys) are the point here: keep the runner's output calm.
  provider.on("server_error", (_ctx: unknown, error: Error) => console.error("oidc-provider:", error.message));
  const server: Server = await new Promise((resolve, reject) => {
    const s = provider.listen(options.port, "127.0.0.1", () => resolve(s));
    s.once("error", reject);
  });
  return {
    issuer,
    clientId: TEST_SSO.clientId,
    clientSecret,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface GrantLike {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}
interface GrantContext {
  oidc: {
    result?: { consent?: { grantId?: string } };
    session: { accountId: string; grantIdFor(clientId: string): string | undefined };
    client: { clientId: string };
    provider: {
      Grant: { new (options: { clientId: string; accountId: string }): GrantLike; find(id: string): Promise<GrantLike | undefined> };
    };
  };
}
