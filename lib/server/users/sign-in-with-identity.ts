import "server-only";
import { db } from "@/lib/db";
import type { PublicUser } from "@/lib/domain/people";
import { emailField, requiredText } from "@/lib/validations/common";
import { emailDomainAllowed } from "../sso/sso-settings";
import { isUniqueViolation } from "../prisma-errors";

/** Why a sign-in with an identity provider is refused; each has its sentence on the sign-in page. */
export type IdentityRefusal = "email_missing" | "email_unverified" | "domain_not_allowed";

export type IdentitySignIn = { user: PublicUser; outcome: "found" | "linked" | "created" } | { refused: IdentityRefusal; email?: string };

/** The claims of an ID token this needs (`iss`, `sub`, `email`, `email_verified`, `name` …), as the provider sent them. */
export type IdTokenClaims = Record<string, unknown>;

const nameField = requiredText("Name", 100);

/**
 * Whether the provider vouches for the address. `email_verified` is the
 * standard claim (some providers send the string "true"). Microsoft Entra ID
 * never sends it; its optional `xms_edov` claim ("email domain owner
 * verified") stands in for it, and only when `email_verified` is absent.
 */
function emailVerified(claims: IdTokenClaims): boolean {
  const verified = claims.email_verified;
  if (verified !== undefined) return verified === true || verified === "true";
  return claims.xms_edov === true || claims.xms_edov === "true" || claims.xms_edov === "1";
}

/** The person's name as the token gives it, else the address's local part. */
function displayName(claims: IdTokenClaims, email: string): string {
  const given = [claims.given_name, claims.family_name].filter((p) => typeof p === "string" && p.trim()).join(" ");
  for (const candidate of [claims.name, given, claims.preferred_username]) {
    const parsed = nameField.safeParse(typeof candidate === "string" ? candidate.slice(0, 100) : undefined);
    if (parsed.success) return parsed.data;
  }
  return email.slice(0, email.indexOf("@")).slice(0, 100) || email.slice(0, 100);
}

/**
 * The account an identity provider's sign-in stands for. Later sign-ins find
 * it by the token's (issuer, subject), whatever the address says now. A first
 * sign-in links the account that has the same (verified) address, or creates
 * one without a password. An account whose address was never proven (a
 * password registration) is taken over by the provider's person: its password,
 * sessions and tokens end, so a stranger who registered someone else's address
 * first keeps nothing. Every sign-in must carry a verified address in an
 * allowed domain: an address moved out of the allowed domains stops working.
 */
export async function signInWithIdentity(options: {
  provider: string;
  claims: IdTokenClaims;
  allowedDomains: readonly string[];
}): Promise<IdentitySignIn> {
  const { claims } = options;
  const issuer = typeof claims.iss === "string" ? claims.iss : "";
  const subject = typeof claims.sub === "string" ? claims.sub : "";
  if (!issuer || !subject) throw new Error("The ID token has no issuer or subject.");
  const parsedEmail = emailField.safeParse(claims.email);
  if (!parsedEmail.success) return { refused: "email_missing" };
  const email = parsedEmail.data;
  if (!emailVerified(claims)) return { refused: "email_unverified", email };
  if (!emailDomainAllowed(email, options.allowedDomains)) return { refused: "domain_not_allowed", email };

  const person = { provider: options.provider, issuer, subject, email, name: displayName(claims, email) };
  try {
    return await findLinkOrCreate(person);
  } catch (e) {
    // Two first sign-ins at once (two tabs): the other one made the account or the link; find it.
    if (isUniqueViolation(e)) return findLinkOrCreate(person);
    throw e;
  }
}

const publicUser = { id: true, email: true, name: true } as const;

async function findLinkOrCreate(person: {
  provider: string;
  issuer: string;
  subject: string;
  email: string;
  name: string;
}): Promise<IdentitySignIn> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const known = await tx.identity.findUnique({
      where: { issuer_subject: { issuer: person.issuer, subject: person.subject } },
      select: { id: true, user: { select: publicUser } },
    });
    if (known) {
      await tx.identity.update({ where: { id: known.id }, data: { lastUsedAt: now } });
      return { user: known.user, outcome: "found" };
    }
    const identity = { provider: person.provider, issuer: person.issuer, subject: person.subject, lastUsedAt: now };
    const existing = await tx.user.findUnique({ where: { email: person.email }, select: { ...publicUser, emailVerifiedAt: true } });
    if (existing) {
      await tx.identity.create({ data: { ...identity, userId: existing.id } });
      if (!existing.emailVerifiedAt) {
        // Nobody had proven this address was theirs (registration sends no confirmation): whoever registered
        // it may not be the person the provider has just vouched for. The provider's person takes the account
        // over: its password goes, its sessions end and its tokens stop, so whoever else held them is out.
        await tx.user.update({ where: { id: existing.id }, data: { emailVerifiedAt: now, passwordHash: null } });
        await tx.session.deleteMany({ where: { userId: existing.id } });
        await tx.apiToken.deleteMany({ where: { userId: existing.id } });
      }
      return { user: { id: existing.id, email: existing.email, name: existing.name }, outcome: "linked" };
    }
    const user = await tx.user.create({
      data: { email: person.email, name: person.name, passwordHash: null, emailVerifiedAt: now, identities: { create: identity } },
      select: publicUser,
    });
    return { user, outcome: "created" };
  });
}
