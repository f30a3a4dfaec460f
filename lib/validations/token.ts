import { z } from "zod";
import { lineText } from "./common";

export const createTokenSchema = z.object({
  name: lineText("Token name").max(100, "Token name must be at most 100 characters.").optional(),
});
