import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { call, newUser } from "@/lib/testing/api";
import { signInWithIdentity, type IdTokenClaims } from "./sign-in-with-identity";

const ISSUER = "https://id.example.org/realms/research";
const ALLOWED = ["example.org", "partner.example"];

/** An ID token's claims for a new person at the provider (a subject of their own). */
function claims(overrides: IdTokenClaims = {}): IdTokenClaims {
  const id = randomUUID();
  return { iss: ISSUER, sub: `sub-${id}`, email: `p-${id}@example.org`, email_verified: true, name: "Layla Haddad", ...overrides };
}

const signIn = (c: IdTokenClaims, allowedDomains: string[] = ALLOWED) =>
  signInWithIdentity({ provider: "oidc", claims: c, allowedDomains });

describe("signInWithIdentity", () => {
  it("creates an account without a password on the first sign-in, with the token's name and a verified address", async () => {
    const c = claims({ email: `  Layla-${randomUUID()}@Example.org ` });
    const result = await signIn(c);
    if (!("user" in result)) throw new Error(`refused: ${result.refused}`);
    expect(result.outcome).toBe("created");
    expect(result.user).toMatchObject({ name: "Layla Haddad", email: String(c.email).trim().toLowerCase() });
    const row = await db.user.findUniqueOrThrow({ where: { id: result.user.id }, include: { identities: true } });
    expect(row.passwordHash).toBeNull();
    expect(row.emailVerifiedAt).toBeInstanceOf(Date);
    expect(row.identities).toMatchObject([{ provider: "oidc", issuer: ISSUER, subject: c.sub }]);
  });

  it("finds the account by issuer and subject on later sign-ins, even when the provider's address changed", async () => {
    const c = claims();
    const first = await signIn(c);
    const later = await signIn({ ...c, email: `renamed-${randomUUID()}@example.org`, name: "Someone Else" });
    if (!("user" in first) || !("user" in later)) throw new Error("refused");
    expect(later.outcome).toBe("found");
    expect(later.user).toEqual(first.user);
    expect(await db.identity.count({ where: { userId: first.user.id } })).toBe(1);
    const identity = await db.identity.findFirstOrThrow({ where: { userId: first.user.id } });
    expect(identity.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(identity.createdAt.getTime());
  });

  it("links an existing password account with the same verified address instead of making a second one", async () => {
    const existing = await newUser("Grace Hopper");
    const c = claims({ email: existing.email.toUpperCase(), name: "G. Hopper" });
    const result = await signIn(c, []);
    if (!("user" in result)) throw new Error(`refused: ${result.refused}`);
    expect(result.outcome).toBe("linked");
    // The account keeps its name (and its workspaces: it is the same account).
    expect(result.user).toEqual({ id: existing.id, email: existing.email, name: "Grace Hopper" });
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
    const row = await db.user.findUniqueOrThrow({ where: { id: existing.id }, include: { identities: true } });
    expect(row.emailVerifiedAt).toBeInstanceOf(Date);
    expect(row.identities).toHaveLength(1);
  });

  it("takes an account whose address was never proven away from whoever registered it: password, sessions and tokens end", async () => {
    // Someone registered an address before its owner ever signed in (registration sends no confirmation).
    const squatter = await newUser("Not Grace");
    expect(await db.session.count({ where: { userId: squatter.id } })).toBeGreaterThan(0);
    expect(await db.apiToken.count({ where: { userId: squatter.id } })).toBeGreaterThan(0);
    const result = await signIn(claims({ email: squatter.email }), []);
    if (!("user" in result)) throw new Error(`refused: ${result.refused}`);
    const row = await db.user.findUniqueOrThrow({ where: { id: squatter.id } });
    expect(row.passwordHash).toBeNull();
    expect(await db.session.count({ where: { userId: squatter.id } })).toBe(0);
    expect(await db.apiToken.count({ where: { userId: squatter.id } })).toBe(0);
    // Their cookie and token no longer work.
    expect((await call("GET", "/api/v1/me", { as: { cookie: squatter.cookie } })).status).toBe(401);
    expect((await call("GET", "/api/v1/me", { as: { token: squatter.token } })).status).toBe(401);

    // An address already proven (an earlier sign-in with the provider) is linked as it is: nothing ends.
    const proven = await newUser("Proven Person");
    await db.user.update({ where: { id: proven.id }, data: { emailVerifiedAt: new Date() } });
    await signIn(claims({ email: proven.email }), []);
    expect((await db.user.findUniqueOrThrow({ where: { id: proven.id } })).passwordHash).not.toBeNull();
    expect((await call("GET", "/api/v1/me", { as: { token: proven.token } })).status).toBe(200);
  });

  it("the same subject at another issuer is another person", async () => {
    const c = claims();
    const here = await signIn(c);
    const elsewhere = await signIn({ ...c, iss: "https://login.other.example/v2.0", email: `o-${randomUUID()}@example.org` });
    if (!("user" in here) || !("user" in elsewhere)) throw new Error("refused");
    expect(elsewhere.outcome).toBe("created");
    expect(elsewhere.user.id).not.toBe(here.user.id);
  });

  it("refuses an address the provider has not verified, and writes nothing", async () => {
    for (const email_verified of [false, "false", undefined]) {
      const c = claims({ email_verified });
      expect(await signIn(c)).toEqual({ refused: "email_unverified", email: c.email });
      expect(await db.user.count({ where: { email: String(c.email) } })).toBe(0);
    }
    // Not even to link an existing account.
    const existing = await newUser();
    expect(await signIn(claims({ email: existing.email, email_verified: false }), [])).toMatchObject({ refused: "email_unverified" });
    expect(await db.identity.count({ where: { userId: existing.id } })).toBe(0);
  });

  it('accepts Microsoft Entra ID\'s xms_edov in place of a missing email_verified, and the string "true"', async () => {
    const entra = await signIn(claims({ email_verified: undefined, xms_edov: true }));
    expect(entra).toMatchObject({ outcome: "created" });
    const stringly = await signIn(claims({ email_verified: "true" }));
    expect(stringly).toMatchObject({ outcome: "created" });
    // An explicit email_verified: false wins over xms_edov.
    expect(await signIn(claims({ email_verified: false, xms_edov: true }))).toMatchObject({ refused: "email_unverified" });
  });

  it("refuses an address outside the allowed domains, on the first sign-in and on later ones", async () => {
    const outsider = claims({ email: `m-${randomUUID()}@elsewhere.example` });
    expect(await signIn(outsider)).toEqual({ refused: "domain_not_allowed", email: outsider.email });
    expect(await db.user.count({ where: { email: String(outsider.email) } })).toBe(0);
    // A subdomain is another domain.
    expect(await signIn(claims({ email: `s-${randomUUID()}@mail.example.org` }))).toMatchObject({ refused: "domain_not_allowed" });
    // A known person whose address moved out of the allowed domains is refused too.
    const c = claims();
    expect(await signIn(c)).toMatchObject({ outcome: "created" });
    expect(await signIn({ ...c, email: `moved-${randomUUID()}@elsewhere.example` })).toMatchObject({ refused: "domain_not_allowed" });
  });

  it("refuses a token without a usable address", async () => {
    expect(await signIn(claims({ email: undefined }))).toEqual({ refused: "email_missing" });
    expect(await signIn(claims({ email: "not an address" }))).toEqual({ refused: "email_missing" });
  });

  it("two first sign-ins at once make one account and one link", async () => {
    const c = claims();
    const [a, b] = await Promise.all([signIn(c), signIn(c)]);
    if (!("user" in a) || !("user" in b)) throw new Error("refused");
    expect(a.user.id).toBe(b.user.id);
    expect(await db.identity.count({ where: { userId: a.user.id } })).toBe(1);
    expect(await db.user.count({ where: { email: String(c.email) } })).toBe(1);
  });

  it("names the account from the token's parts when it has no name, else from the address", async () => {
    const parts = await signIn(claims({ name: undefined, given_name: "Omar", family_name: "Khalil" }));
    expect(parts).toMatchObject({ user: { name: "Omar Khalil" } });
    const id = randomUUID().slice(0, 8);
    const bare = await signIn(claims({ name: "  ", email: `noor.${id}@example.org` }));
    expect(bare).toMatchObject({ user: { name: `noor.${id}` } });
  });
});
