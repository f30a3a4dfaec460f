import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { dbPool } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Abuse limits, counted in PostgreSQL (the `rate_limits` table) so every
 * instance shares them, with rate-limiter-flexible's RateLimiterPostgres.
 *
 * Sign-in failures count per (client address, email) and per client address,
 * never per email alone: a stranger guessing a colleague's password from
 * elsewhere uses up only their own allowance, and the colleague still signs in.
 * Registrations count per client address. Windows are fixed: a limit reached
 * lifts when its window (which began with the first attempt) ends.
 */
export const LIMITS = {
  /** Wrong passwords for one account from one address. */
  signInPerAddressAndEmail: { keyPrefix: "signin_addr_email", points: 10, duration: 15 * 60 },
  /** Wrong passwords from one address, any account (an office behind one address has room to mistype). */
  signInPerAddress: { keyPrefix: "signin_addr", points: 100, duration: 60 * 60 },
  /** New accounts from one address (a team joining on its first day fits). */
  registerPerAddress: { keyPrefix: "register_addr", points: 20, duration: 60 * 60 },
  /** Share pages opened from one address, any link (a class opening one link together has room). */
  shareViewPerAddress: { keyPrefix: "share_view_addr", points: 120, duration: 10 * 60 },
} as const;

type Rule = (typeof LIMITS)[keyof typeof LIMITS];

const globalForLimits = globalThis as unknown as { marginaliaLimiters?: Map<string, RateLimiterPostgres> };

function limiter(rule: Rule): RateLimiterPostgres {
  const limiters = (globalForLimits.marginaliaLimiters ??= new Map());
  let made = limiters.get(rule.keyPrefix);
  if (!made) {
    // The table is made by a migration (tableCreated), and expired rows are cleared by the library every 5 minutes.
    made = new RateLimiterPostgres({ storeClient: dbPool(), storeType: "pool", tableName: "rate_limits", tableCreated: true, ...rule });
    limiters.set(rule.keyPrefix, made);
  }
  return made;
}

/** Emails go into keys hashed: the limits table holds no addresses of people. */
const emailKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);

const signInKeys = (o: { address: string; email: string }) => ({ pair: `${o.address}|${emailKey(o.email)}`, address: o.address });

/** Milliseconds until a limit reached by this key lifts, or 0 while it has attempts left. */
async function waitFor(rule: Rule, key: string): Promise<number> {
  const res = await limiter(rule).get(key);
  return res && res.consumedPoints >= rule.points ? Math.max(res.msBeforeNext, 1000) : 0;
}

/** How long this client must wait before trying to sign in to this account (0: it may try now). */
export async function signInWaitMs(o: { address: string; email: string }): Promise<number> {
  const keys = signInKeys(o);
  const waits = await Promise.all([waitFor(LIMITS.signInPerAddressAndEmail, keys.pair), waitFor(LIMITS.signInPerAddress, keys.address)]);
  return Math.max(...waits);
}

async function consume(rule: Rule, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter(rule).consume(key);
  } catch (e) {
    if (e instanceof RateLimiterRes) return e;
    throw e;
  }
}

export async function recordSignInFailure(o: { address: string; email: string }): Promise<void> {
  const keys = signInKeys(o);
  await Promise.all([consume(LIMITS.signInPerAddressAndEmail, keys.pair), consume(LIMITS.signInPerAddress, keys.address)]);
}

/** A right password clears that account's failures from that address (not the address's own count). */
export async function recordSignInSuccess(o: { address: string; email: string }): Promise<void> {
  await limiter(LIMITS.signInPerAddressAndEmail).delete(signInKeys(o).pair);
}

/** Counts a registration from this address; 429 once the address has made too many. */
export async function consumeRegistration(address: string): Promise<void> {
  const res = await consume(LIMITS.registerPerAddress, address);
  if (res.consumedPoints > LIMITS.registerPerAddress.points) {
    throw rateLimited("Too many accounts were created from your network in the last hour.", res.msBeforeNext);
  }
}

/** Counts a share page opened from this address, known link or not (so guessing links costs too); 429 past the limit. */
export async function consumeShareView(address: string): Promise<void> {
  const res = await consume(LIMITS.shareViewPerAddress, address);
  if (res.consumedPoints > LIMITS.shareViewPerAddress.points) {
    throw rateLimited("Too many shared pages were opened from your network in the last few minutes.", res.msBeforeNext);
  }
}

export function rateLimited(what: string, waitMs: number): AppError {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return new AppError("rate_limited", `${what} Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, undefined, {
    retryAfterSeconds: waitMs / 1000,
  });
}
