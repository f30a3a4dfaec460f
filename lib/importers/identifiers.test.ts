import { describe, expect, it } from "vitest";
import { findIdentifiers } from "./identifiers";
import type { ImportedPassage } from "./types";

const passage = (text: string, page: number | null = null): ImportedPassage => ({ kind: "paragraph", level: null, text, page });

describe("findIdentifiers", () => {
  it("finds a DOI and a report number on the first page", () => {
    const found = findIdentifiers([
      passage("Water Security in the Jordan Basin"),
      passage("Working Paper No. WP-2024/07"),
      passage("https://doi.org/10.1234/jordan.2024.07."),
    ]);
    expect(found).toEqual({ doi: "10.1234/jordan.2024.07", reportNumber: "WP-2024/07" });
  });

  it("reads only page 1 of a PDF", () => {
    expect(findIdentifiers([passage("Summary", 1), passage("See doi:10.5555/later", 2)])).toEqual({ doi: null, reportNumber: null });
  });

  it("reads an Arabic report number", () => {
    expect(findIdentifiers([passage("تقرير رقم 12/2024")]).reportNumber).toBe("12/2024");
  });

  it("finds nothing in ordinary text", () => {
    expect(findIdentifiers([passage("Regional water demand will exceed supply by 2030.")])).toEqual({ doi: null, reportNumber: null });
  });
});
