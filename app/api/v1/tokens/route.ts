import { readJson } from "@/lib/api/server/read-json";
import { apiRoute, created } from "@/lib/api/server/route";
import { createToken, listTokens } from "@/lib/server/tokens/tokens";
import { createTokenSchema } from "@/lib/validations/token";
import { pageRequestFrom } from "@/lib/server/pagination/page";
import { PAGE_SIZES } from "@/lib/server/pagination/page-sizes";

// Creating a token needs a signed-in session: a token cannot mint tokens.
export const POST = apiRoute(
  async ({ req, user }) => {
    const input = await readJson(req, createTokenSchema, 4 * 1024, { emptyIsObject: true });
    return created(await createToken({ userId: user.id, name: input.name }));
  },
  { sessionOnly: true },
);

export const GET = apiRoute(async ({ req, user }) => {
  const page = pageRequestFrom(req.nextUrl.searchParams, PAGE_SIZES.tokens);
  const { items, nextCursor } = await listTokens({ userId: user.id, page });
  return { tokens: items, nextCursor };
});
