import { z } from "zod";
import { queryWholeNumber } from "./common";

/** `?version=N`: one of a report's versions, counted from 1. */
export const versionQuerySchema = z.object({ version: queryWholeNumber("version", { min: 1 }).optional() });
