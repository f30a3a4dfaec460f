import { AppError } from "@/lib/errors";
import { findUserByToken } from "../tokens/tokens";
import type { PublicUser } from "@/lib/domain/people";
import { userOfSession } from "./sessions";

/**
 * Who a request says it is, as its headers carry it, before anything is looked up:
 * a personal access token, or the session a session cookie names (lib/session-cookie.ts).
 */
export type Credentials = { token: string } | { userId: string; sessionId: string };

/** The answer to a request that names no caller (or a session that has ended). */
export const signInFirst = () => new AppError("unauthenticated", "Sign in, or send a personal access token, to use the API.");

/**
 * The user behind credentials: the token's owner (an unknown token is a 401, with its own
 * message), or the session's user while the session is open (null once it has ended).
 */
export async function userOfCredentials(credentials: Credentials): Promise<PublicUser | null> {
  if ("token" in credentials) {
    const user = await findUserByToken(credentials.token);
    if (!user) throw new AppError("unauthenticated", "That access token is not valid. Create a new one on the settings page.");
    return user;
  }
  return userOfSession(credentials);
}
