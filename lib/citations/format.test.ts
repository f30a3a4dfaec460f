import { Cite } from "@citation-js/core";
import { parse as parseBibLatex, parseRIS } from "biblatex-csl-converter";
import { describe, expect, it } from "vitest";
import { reportToCsl, type CitableReport } from "./csl";
import { formatCitations, formatReference } from "./format";

const english: CitableReport = {
  id: "cmwzexd2c0007fp7d518gjgkp",
  title: "Grid Storage and the Winter Peak",
  subtitle: "A policy brief",
  creators: [
    { family: "Whitfield", given: "Dana" },
    { family: "Haddad", given: "Omar" },
  ],
  publisher: "Institute for Energy Futures",
  place: "London",
  reportNumber: "12",
  series: "Energy Briefs",
  doi: "10.1234/ief.2023.12",
  sourceUrl: "https://example.org/briefs/grid-storage",
  publishedAt: "2023-03-21",
  accessedAt: "2026-12-01",
  language: "en",
};

const arabic: CitableReport = {
  id: "cmx0000000000arabic0000001",
  title: "الأمن المائي في حوض الأردن",
  subtitle: null,
  creators: [{ literal: "مركز الدراسات الاستراتيجية" }],
  publisher: "الجامعة الأردنية",
  place: "عمّان",
  reportNumber: "WP-2024/07",
  series: null,
  doi: null,
  sourceUrl: "https://example.org/ar/water",
  publishedAt: "2024-03-21",
  accessedAt: null,
  language: "ar",
};

/** The fields a reference is made of, as a CSL item read back has them (a name as one string). */
function essentials(item: Record<string, unknown>) {
  const names = (item.author as Record<string, string>[] | undefined)?.map(
    (n) => n.literal ?? [n.given, n.family].filter(Boolean).join(" "),
  );
  const date = (d: unknown) => (d as { "date-parts": number[][] } | undefined)?.["date-parts"][0].slice(0, 3).join("-");
  return {
    type: item.type,
    title: item.title,
    author: names,
    publisher: item.publisher,
    place: item["publisher-place"],
    number: item.number,
    DOI: item.DOI,
    URL: item.URL,
    issued: date(item.issued),
  };
}

const expected = (report: CitableReport) => essentials(reportToCsl(report) as unknown as Record<string, unknown>);
const text = (runs: { text: string }[] | undefined) => runs?.map((r) => r.text).join("");

describe("citations", () => {
  it("writes a report as CSL-JSON, BibTeX @techreport and RIS RPRT", () => {
    const items = [reportToCsl(english), reportToCsl(arabic)];
    const json = JSON.parse(formatCitations(items, "csl-json"));
    expect(json[0]).toMatchObject({ type: "report", title: "Grid Storage and the Winter Peak: A policy brief" });
    const bibtex = formatCitations(items, "bibtex");
    expect(bibtex).toContain("@techreport{Whitfield2023_8gjgkp,");
    expect(bibtex).toContain("title = {الأمن المائي في حوض الأردن}");
    expect(bibtex).toContain("author = {{مركز الدراسات الاستراتيجية}}");
    const ris = formatCitations(items, "ris");
    expect(ris.match(/^TY {2}- RPRT$/gm)).toHaveLength(2);
    expect(ris).toContain("TI  - الأمن المائي في حوض الأردن");
  });

  it.each([
    ["English, two people", english],
    ["Arabic, an institution", arabic],
  ])("round-trips through every format (%s)", (_, report) => {
    const items = [reportToCsl(report)];
    for (const format of ["csl-json", "bibtex", "ris"] as const) {
      const back = new Cite(formatCitations(items, format)).data[0];
      const got = essentials(back);
      // BibTeX has no field for a DOI's or an address's absence to differ: compare what each format carries.
      expect({ ...got, type: "report" }).toEqual(expected(report));
    }
  });

  it("reads back the same with an independent BibTeX and RIS reader (biblatex-csl-converter)", () => {
    for (const report of [english, arabic]) {
      const want = expected(report);
      const bib = Object.values(parseBibLatex(formatCitations([reportToCsl(report)], "bibtex")).entries)[0];
      expect(bib.bib_type).toBe("report");
      expect(text(bib.fields.title as { text: string }[])).toBe(want.title);
      const bibNames = (bib.fields.author as Record<string, { text: string }[]>[]).map(
        (n) => text(n.literal) ?? [text(n.given), text(n.family)].filter(Boolean).join(" "),
      );
      expect(bibNames).toEqual(want.author);
      expect(bib.fields.doi ?? undefined).toBe(want.DOI);
      expect(text(bib.fields.number as { text: string }[])).toBe(want.number);

      const ris = Object.values(parseRIS(formatCitations([reportToCsl(report)], "ris")).entries)[0];
      expect(ris.bib_type).toBe("report");
      expect(text(ris.fields.title as { text: string }[])).toBe(want.title);
      const risNames = (ris.fields.author as Record<string, { text: string }[]>[]).map(
        (n) => text(n.literal) ?? [text(n.given), text(n.family)].filter(Boolean).join(" "),
      );
      expect(risNames).toEqual(want.author);
      expect(ris.fields.url).toBe(want.URL);
      expect(text((ris.fields.publisher as { text: string }[][])[0])).toBe(want.publisher);
    }
  });

  it("formats Chicago author-date, APA and Harvard through CSL, Arabic intact", () => {
    const items = [reportToCsl(english)];
    expect(formatReference(items, "chicago-author-date", "text")).toBe(
      "Whitfield, Dana, and Omar Haddad. 2023. “Grid Storage and the Winter Peak: A Policy Brief.” 12. Energy Briefs. London: Institute for Energy Futures. https://doi.org/10.1234/ief.2023.12.\n",
    );
    expect(formatReference(items, "apa", "text")).toMatch(/^Whitfield, D\., & Haddad, O\. \(2023\)\. Grid Storage and the Winter Peak/);
    expect(formatReference(items, "harvard", "text")).toMatch(/^Whitfield, D\. and Haddad, O\. \(2023\)/);
    expect(formatReference([reportToCsl(arabic)], "apa", "text")).toContain(
      "مركز الدراسات الاستراتيجية. (2024). الأمن المائي في حوض الأردن",
    );
    expect(formatReference(items, "apa", "html")).toContain("<i>Grid Storage and the Winter Peak");
  });
});
