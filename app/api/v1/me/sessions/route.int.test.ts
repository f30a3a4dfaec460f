/**
 * Revocable sessions: the session cookie works only while its session row
 * exists. Signing out, signing out everywhere, ending one session and
 * changing the password end sessions on the server, at once.
 */
import { describe, expect, it } from "vitest";
import { baseUrl, call, newUser, randomAddress, signIn, signInAttempt, signOut } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

const me = (cookie: string) => call("GET", "/api/v1/me", { as: { cookie } });

/** A page fetched with this cookie: 200 when signed in, a redirect to /signin when not. */
async function settingsPage(cookie: string): Promise<{ status: number; location: string | null }> {
  const res = await fetch(`${baseUrl()}/settings`, { headers: { cookie }, redirect: "manual" });
  return { status: res.status, location: res.headers.get("location") };
}

describe("signing out", () => {
  it("ends the session on the server: a copy of the cookie stops working at once, for the API and for pages", async () => {
    const user = await newUser("Copied Cookie");
    const cookie = user.cookie;
    expect((await me(cookie)).status).toBe(200);
    expect((await settingsPage(cookie)).status).toBe(200);
    expect(await signOut(cookie)).toBe(200);
    // The same cookie, replayed as an attacker who copied it would.
    const after = await me(cookie);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("unauthenticated");
    const page = await settingsPage(cookie);
    expect(page.status).toBe(307);
    expect(page.location).toContain("/signin");
    // The user's token (a script's) is not a session: it goes on working.
    expect((await call("GET", "/api/v1/me", { as: { token: user.token } })).status).toBe(200);
  });

  it("keeps a signed-out cookie from NextAuth's own session endpoint too", async () => {
    const user = await newUser("Session Endpoint");
    const before = await fetch(`${baseUrl()}/api/auth/session`, { headers: { cookie: user.cookie } });
    expect((await before.json()).user?.email).toBe(user.email);
    await signOut(user.cookie);
    const after = await fetch(`${baseUrl()}/api/auth/session`, { headers: { cookie: user.cookie } });
    expect(await after.json()).toEqual({});
  });
});

describe("/api/v1/me/sessions", () => {
  it("lists where the user is signed in, marks this one, and ends one by id (204)", async () => {
    const user = await newUser("Two Laptops");
    const laptop = await signInAttempt(user.email, user.password, randomAddress());
    const list = await call("GET", "/api/v1/me/sessions", { as: { cookie: user.cookie } });
    expect(list.status).toBe(200);
    expect(list.body.sessions).toHaveLength(2);
    expect(list.body.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(list.body.sessions[0]).toMatchObject({ device: expect.any(String), clientAddress: expect.stringMatching(/^10\./) });
    const other = list.body.sessions.find((s: { current: boolean }) => !s.current);
    expect((await call("DELETE", `/api/v1/me/sessions/${other.id}`, { as: { cookie: user.cookie } })).status).toBe(204);
    expect((await me(laptop.cookie!)).status).toBe(401);
    expect((await me(user.cookie)).status).toBe(200);
    expect((await call("DELETE", `/api/v1/me/sessions/${other.id}`, { as: { cookie: user.cookie } })).status).toBe(404);
  });

  it("does not let one user end another's session (404), nor a token touch sessions (401)", async () => {
    const [a, b] = [await newUser("A"), await newUser("B")];
    const [bSession] = await query<{ id: string }>("SELECT id FROM sessions WHERE user_id = $1", [b.id]);
    expect((await call("DELETE", `/api/v1/me/sessions/${bSession.id}`, { as: { cookie: a.cookie } })).status).toBe(404);
    expect((await me(b.cookie)).status).toBe(200);
    expect((await call("GET", "/api/v1/me/sessions", { as: { token: a.token } })).status).toBe(401);
    expect((await call("DELETE", "/api/v1/me/sessions", { as: { token: a.token } })).status).toBe(401);
  });

  it("signs out everywhere (DELETE): every session ends, this one included", async () => {
    const user = await newUser("Everywhere");
    const phone = await signIn(user.email, user.password);
    const res = await call("DELETE", "/api/v1/me/sessions", { as: { cookie: user.cookie } });
    expect(res.status).toBe(200);
    expect(res.body.endedSessions).toBe(2);
    expect((await me(user.cookie)).status).toBe(401);
    expect((await me(phone!)).status).toBe(401);
    expect(await query("SELECT 1 FROM sessions WHERE user_id = $1", [user.id])).toHaveLength(0);
  });

  it("refuses to sign out everywhere from another site (403)", async () => {
    const user = await newUser("Targeted");
    const res = await call("DELETE", "/api/v1/me/sessions", { as: { cookie: user.cookie }, headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    expect((await me(user.cookie)).status).toBe(200);
  });
});

describe("PUT /api/v1/me/password", () => {
  it("changes the password and ends every other session; this one stays", async () => {
    const user = await newUser("Changer");
    const other = await signIn(user.email, user.password);
    const next = "violet harbour evening 77";
    const res = await call("PUT", "/api/v1/me/password", {
      as: { cookie: user.cookie },
      json: { currentPassword: user.password, newPassword: next },
    });
    expect(res.status).toBe(200);
    expect(res.body.endedSessions).toBe(1);
    expect((await me(other!)).status).toBe(401);
    expect((await me(user.cookie)).status).toBe(200);
    expect(await signIn(user.email, user.password)).toBeNull();
    expect(await signIn(user.email, next)).not.toBeNull();
  });

  it("needs the current password (422 on it) and a new one that cannot be guessed (422 on it); nothing changes", async () => {
    const user = await newUser("Careful");
    const other = await signIn(user.email, user.password);
    const wrong = await call("PUT", "/api/v1/me/password", {
      as: { cookie: user.cookie },
      json: { currentPassword: "not-my-password", newPassword: "violet harbour evening 77" },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details.issues[0].path).toBe("currentPassword");
    const weak = await call("PUT", "/api/v1/me/password", {
      as: { cookie: user.cookie },
      json: { currentPassword: user.password, newPassword: "password1234" },
    });
    expect(weak.status).toBe(422);
    expect(weak.body.error.details.issues[0].path).toBe("newPassword");
    expect((await me(other!)).status).toBe(200);
    expect(await signIn(user.email, user.password)).not.toBeNull();
  });

  it("is for a signed-in session only: a token cannot change the password (401)", async () => {
    const user = await newUser("Scripted");
    const res = await call("PUT", "/api/v1/me/password", {
      as: { token: user.token },
      json: { currentPassword: user.password, newPassword: "violet harbour evening 77" },
    });
    expect(res.status).toBe(401);
  });
});
