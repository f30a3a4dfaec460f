import { readJson } from "@/lib/api/read-json";
import { apiRoute, created } from "@/lib/api/route";
import { createToken, listTokens } from "@/lib/server/tokens/tokens";
import { createTokenSchema } from "@/lib/validations/token";

// Creating a token needs a signed-in session: a token cannot mint tokens.
export const POST = apiRoute(
  async ({ req, user }) => {
    const input = await readJson(req, createTokenSchema, 4 * 1024, { emptyIsObject: true });
    return created(await createToken({ userId: user.id, name: input.name }));
  },
  { sessionOnly: true },
);

export const GET = apiRoute(async ({ user }) => ({ tokens: await listTokens({ userId: user.id }) }));
