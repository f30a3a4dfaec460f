import { z } from "zod";

export const createTokenSchema = z.object({
  name: z.string().trim().max(100, "Token name must be at most 100 characters.").optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;
