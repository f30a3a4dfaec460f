import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionCookieName, sessionOfCookie } from "./session-cookie";

const SECRET = "a test secret that is long enough to be a real one";
const NAME = sessionCookieName({});

/** A cookie as NextAuth itself writes it (next-auth/jwt `encode`, which the sign-in uses). */
const cookieOf = async (token: Record<string, unknown>, options: { secret?: string; maxAge?: number } = {}) =>
  `${NAME}=${await encode({ token, secret: options.secret ?? SECRET, maxAge: options.maxAge })}`;

describe("sessionOfCookie", () => {
  it("reads the user and the session from a cookie NextAuth encoded", async () => {
    const cookie = await cookieOf({ sub: "user-1", sid: "session-1", name: "A" });
    expect(await sessionOfCookie(`other=1; ${cookie}; after=2`, SECRET)).toEqual({ userId: "user-1", sessionId: "session-1" });
    // Asked again (the derived key and what the cookie said now kept), the same answer; never for another secret.
    expect(await sessionOfCookie(cookie, SECRET)).toEqual({ userId: "user-1", sessionId: "session-1" });
    expect(await sessionOfCookie(cookie, "another secret entirely, just as long")).toBeNull();
  });

  it("joins a cookie NextAuth split into numbered chunks", async () => {
    const value = (await cookieOf({ sub: "user-2", sid: "session-2" })).slice(NAME.length + 1);
    const half = Math.floor(value.length / 2);
    expect(await sessionOfCookie(`${NAME}.0=${value.slice(0, half)}; ${NAME}.1=${value.slice(half)}`, SECRET)).toEqual({
      userId: "user-2",
      sessionId: "session-2",
    });
  });

  it("refuses a cookie made with another secret, an expired one, one without a session id, and garbage", async () => {
    expect(
      await sessionOfCookie(await cookieOf({ sub: "u", sid: "s" }, { secret: "another secret entirely, just as long" }), SECRET),
    ).toBeNull();
    expect(await sessionOfCookie(await cookieOf({ sub: "u", sid: "s" }, { maxAge: -60 }), SECRET)).toBeNull();
    expect(await sessionOfCookie(await cookieOf({ sub: "u" }), SECRET)).toBeNull();
    expect(await sessionOfCookie(`${NAME}=not.a.jwe.at.all`, SECRET)).toBeNull();
    expect(await sessionOfCookie(null, SECRET)).toBeNull();
    expect(await sessionOfCookie(await cookieOf({ sub: "u", sid: "s" }), undefined)).toBeNull();
  });

  it("names the cookie as NextAuth does: __Secure- behind https", () => {
    expect(sessionCookieName({ NEXTAUTH_URL: "https://notes.example.org" })).toBe("__Secure-next-auth.session-token");
    expect(sessionCookieName({ NEXTAUTH_URL: "http://localhost:3000" })).toBe("next-auth.session-token");
  });
});
