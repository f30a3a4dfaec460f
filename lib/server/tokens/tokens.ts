import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db, sqlQuery } from "@/lib/db";
import type { PublicUser } from "@/lib/domain/people";
import { notFound } from "@/lib/errors";
import { keysetArgs, newestFirst, keysetPage, type PageOption } from "../pagination/keyset";
import type { Page } from "../pagination/page";
import { newSecret, secretDigest as digest } from "../secrets";

const TOKEN_PREFIX = "mgl_";

export interface TokenSummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const summary = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true } as const;

/** Creates a personal access token; the token itself is returned only here. */
export async function createToken(options: { userId: string; name?: string }): Promise<TokenSummary & { token: string }> {
  const token = TOKEN_PREFIX + newSecret();
  const created = await db.apiToken.create({
    data: {
      userId: options.userId,
      name: options.name?.trim() || "API token",
      tokenHash: digest(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    },
    select: summary,
  });
  return { ...created, token };
}

/** Each user's own list. */
const tokensKeyset = (userId: string) => newestFirst(`tokens:${userId}`);

export async function listTokens(options: { userId: string; page: PageOption }): Promise<Page<TokenSummary>> {
  const keyset = tokensKeyset(options.userId);
  const { orderBy, after, take } = keysetArgs(keyset, options.page);
  const rows = await db.apiToken.findMany({ where: { AND: [{ userId: options.userId }, after] }, select: summary, orderBy, take });
  return keysetPage(rows, keyset, options.page);
}

export async function revokeToken(options: { userId: string; tokenId: string }): Promise<void> {
  const { count } = await db.apiToken.deleteMany({ where: { id: options.tokenId, userId: options.userId } });
  if (count === 0) throw notFound("That token");
}

/** The stored form of a well-formed token (its SHA-256), or null for anything that cannot be one. */
export function tokenHash(token: string): string | null {
  return token.startsWith(TOKEN_PREFIX) && token.length <= 200 ? digest(token) : null;
}

/** Records a token's use at most once a minute, so API traffic does not write on every call. */
export async function noteTokenUse(token: { id: string; lastUsedAt: Date | null }): Promise<void> {
  if (token.lastUsedAt && Date.now() - token.lastUsedAt.getTime() <= 60_000) return;
  await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
}

/** The token's owner, or null for an unknown token. */
export async function findUserByToken(token: string): Promise<PublicUser | null> {
  const hash = tokenHash(token);
  if (!hash) return null;
  // One query on every API call, the token with its user: straight on the pool, where Prisma would cost more than the query.
  const [row] = await sqlQuery<{ tokenId: string; lastUsedAt: Date | null; id: string; email: string; name: string }>(
    Prisma.sql`
    SELECT t.id AS "tokenId", t.last_used_at AS "lastUsedAt", u.id, u.email, u.name
    FROM api_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = ${hash}`,
    { prepare: "token-user" },
  );
  if (!row) return null;
  await noteTokenUse({ id: row.tokenId, lastUsedAt: row.lastUsedAt });
  return { id: row.id, email: row.email, name: row.name };
}
