/**
 * Signing in: failures are limited per (client address, account) and per
 * client address, in PostgreSQL, so a stranger cannot lock anyone out from
 * elsewhere and every instance counts the same attempts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newUser, randomAddress, signInAttempt, type TestUser } from "@/lib/testing/api";
import { startSecondInstance } from "@/lib/testing/second-instance";

let victim: TestUser;

beforeAll(async () => {
  victim = await newUser("Victor Victim");
});

describe("POST /api/auth/callback/credentials", () => {
  it("refuses a client after 10 wrong passwords for one account (429, Retry-After), even with the right one; the owner elsewhere still signs in", async () => {
    const attacker = randomAddress();
    for (let i = 0; i < 10; i++) {
      const guess = await signInAttempt(victim.email, `guess-${i}-not-it`, attacker);
      expect(guess.cookie, `guess ${i}`).toBeNull();
    }
    const locked = await signInAttempt(victim.email, victim.password, attacker);
    expect(locked.status).toBe(429);
    expect(locked.cookie).toBeNull();
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // NextAuth's client reads `url` (error=RateLimited); the API's error shape is there too.
    expect(locked.body).toMatchObject({ error: { code: "rate_limited" } });
    expect(String((locked.body as { url: string }).url)).toContain("error=RateLimited");

    const owner = await signInAttempt(victim.email, victim.password, randomAddress());
    expect(owner.cookie).not.toBeNull();
  });

  it("clears an account's failures from an address when the right password comes", async () => {
    const user = await newUser("Forgetful");
    const address = randomAddress();
    for (let i = 0; i < 9; i++) expect((await signInAttempt(user.email, `typo-${i}`, address)).cookie).toBeNull();
    expect((await signInAttempt(user.email, user.password, address)).cookie).not.toBeNull();
    for (let i = 0; i < 9; i++) expect((await signInAttempt(user.email, `typo-again-${i}`, address)).cookie).toBeNull();
    expect((await signInAttempt(user.email, user.password, address)).cookie).not.toBeNull();
  });

  it("limits one address to 100 failures an hour across accounts", async () => {
    const address = randomAddress();
    for (let i = 0; i < 100; i++) {
      const res = await signInAttempt(`nobody-${i}@test.local`, "whatever-it-is", address);
      expect(res.status, `attempt ${i}`).not.toBe(429);
    }
    const user = await newUser("Someone");
    expect((await signInAttempt(user.email, user.password, address)).status).toBe(429);
    expect((await signInAttempt(user.email, user.password, randomAddress())).cookie).not.toBeNull();
  });
});

describe("the limits are shared by every instance", () => {
  let second: Awaited<ReturnType<typeof startSecondInstance>>;

  beforeAll(async () => {
    second = await startSecondInstance();
  }, 90_000);

  afterAll(() => second?.stop());

  it("counts failures made through either instance together", async () => {
    const user = await newUser("Two doors");
    const address = randomAddress();
    for (let i = 0; i < 5; i++) expect((await signInAttempt(user.email, `first-${i}`, address)).cookie).toBeNull();
    for (let i = 0; i < 5; i++) expect((await signInAttempt(user.email, `second-${i}`, address, second.baseUrl)).cookie).toBeNull();
    expect((await signInAttempt(user.email, user.password, address, second.baseUrl)).status).toBe(429);
    expect((await signInAttempt(user.email, user.password, address)).status).toBe(429);
  });
});
