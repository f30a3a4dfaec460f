import { z } from "zod";
import { CITATION_FORMATS, CITATION_STYLES } from "@/lib/domain/citations";
import { calendarDate, lineText } from "./common";

const nameText = (label: string) =>
  lineText(label).min(1, `${label} cannot be empty.`).max(200, `${label} must be at most 200 characters.`);

/** An author as a reference needs it: a person (`family`, optional `given`) or an institution (`literal`). */
const creatorSchema = z.union(
  [
    z.strictObject({ literal: nameText("An institution's name") }),
    z.strictObject({ family: nameText("A family name"), given: nameText("A given name").optional() }),
  ],
  { error: 'Each creator is { "family", "given" } for a person or { "literal" } for an institution.' },
);

/** "10.1234/abc", also given as "doi:10.1234/abc" or "https://doi.org/10.1234/abc": stored without the prefix. */
const doiField = lineText("The DOI")
  .max(300, "The DOI must be at most 300 characters.")
  .transform((v) => v.replace(/^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/i, ""))
  .refine((v) => /^10\.\d{4,9}\/\S+$/.test(v), "The DOI is 10. then a number, a slash and the item's name, e.g. 10.1234/wp-2024-07.");

/** The details a reference needs beyond the title, authors, publisher, date, language and address (shared by import and PATCH). */
export const citationDetailsShape = {
  creators: z.array(creatorSchema).max(50, "At most 50 creators.").optional(),
  place: lineText("The place").max(200, "The place must be at most 200 characters.").nullable().optional(),
  reportNumber: lineText("The report number").max(100, "The report number must be at most 100 characters.").nullable().optional(),
  series: lineText("The series").max(300, "The series must be at most 300 characters.").nullable().optional(),
  doi: doiField.nullable().optional(),
  accessedAt: calendarDate("accessedAt").nullable().optional(),
};

/** `?format=…&style=…` of the citation endpoints: anything else is a 422 naming the parameter. */
export const citationQuerySchema = z.object({
  format: z.enum(CITATION_FORMATS, { error: `format must be one of: ${CITATION_FORMATS.join(", ")}.` }).default("csl-json"),
  style: z.enum(CITATION_STYLES, { error: `style must be one of: ${CITATION_STYLES.join(", ")}.` }).optional(),
});
export type CitationQuery = z.infer<typeof citationQuerySchema>;

/** `?style=…` of an annotation's citation. */
export const citationStyleQuerySchema = citationQuerySchema.pick({ style: true });

export const citationQueryFrom = (params: URLSearchParams) => ({
  format: params.get("format") ?? undefined,
  style: params.get("style") ?? undefined,
});
