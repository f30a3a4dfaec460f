import { describe, expect, it } from "vitest";
import { exportFiltersSchema, exportOptionsFromSearchParams, exportOptionsSchema } from "@/lib/validations/export";
import { filtersFromSearchParams } from "@/lib/validations/annotation";
import { dateRangeProblem, exportParams, exportUrl, printUrl, workspaceExportUrl } from "./export-url";

describe("exportUrl", () => {
  it("is the bare format when nothing is chosen", () => {
    expect(exportUrl("r1", "markdown")).toBe("/api/v1/reports/r1/export?format=markdown");
    expect(exportUrl("r1", "docx", { includeReplies: true, includePrivate: false })).toBe("/api/v1/reports/r1/export?format=docx");
  });

  it("repeats a parameter for several values, in a fixed order", () => {
    const url = exportUrl("r1", "csv", {
      tag: ["Methods", "Numbers"],
      kind: ["claim", "question"],
      author: ["u1"],
      verdict: ["contested"],
      status: ["open"],
    });
    expect(url).toBe(
      "/api/v1/reports/r1/export?format=csv&kind=claim&kind=question&verdict=contested&status=open&tag=Methods&tag=Numbers&author=u1",
    );
  });

  it("encodes tag names with commas, spaces and other scripts", () => {
    const url = exportUrl("r1", "jsonld", { tag: ["Data, sources", "مصادر"] });
    const params = new URL(url, "http://x").searchParams;
    expect(params.getAll("tag")).toEqual(["Data, sources", "مصادر"]);
    expect(url).not.toContain(" ");
  });

  it("drops blank and repeated values", () => {
    expect(exportUrl("r1", "csv", { kind: ["claim", " ", "claim"], tag: [""] })).toBe("/api/v1/reports/r1/export?format=csv&kind=claim");
  });

  it("sends dates and the non-default switches", () => {
    const url = exportUrl("r1", "markdown", { from: "2026-01-01", to: "2026-01-31", includeReplies: false, includePrivate: true });
    expect(url).toBe("/api/v1/reports/r1/export?format=markdown&from=2026-01-01&to=2026-01-31&includeReplies=false&includePrivate=true");
  });

  it("sends a visibility filter only with private annotations", () => {
    expect(exportUrl("r1", "csv", { visibility: ["private"] })).toBe("/api/v1/reports/r1/export?format=csv");
    expect(exportUrl("r1", "csv", { visibility: ["private"], includePrivate: true })).toBe(
      "/api/v1/reports/r1/export?format=csv&visibility=private&includePrivate=true",
    );
  });

  it("escapes the report id", () => {
    expect(exportUrl("a/b?c", "csv")).toBe("/api/v1/reports/a%2Fb%3Fc/export?format=csv");
  });

  it("builds a query the server's schemas accept, meaning the same thing", () => {
    const url = exportUrl("r1", "csv", {
      kind: ["claim"],
      tag: ["Data, sources"],
      from: "2026-01-01",
      to: "2026-01-31",
      includeReplies: false,
      includePrivate: true,
      includeCounterpart: true,
      visibility: ["private"],
    });
    const query = new URL(url, "http://x").searchParams;
    expect(exportFiltersSchema.parse(filtersFromSearchParams(query))).toEqual({
      kind: ["claim"],
      tag: ["Data, sources"],
      visibility: ["private"],
    });
    expect(exportOptionsSchema.parse(exportOptionsFromSearchParams(query))).toEqual({
      from: "2026-01-01",
      to: "2026-01-31",
      includeReplies: false,
      includePrivate: true,
      includeCounterpart: true,
    });
  });
});

describe("printUrl", () => {
  it("is the report's print page with the same query, without a format", () => {
    expect(printUrl("energy-desk", "r1")).toBe("/w/energy-desk/r/r1/print");
    expect(printUrl("energy-desk", "r1", { kind: ["claim"], includeReplies: false })).toBe(
      "/w/energy-desk/r/r1/print?kind=claim&includeReplies=false",
    );
  });
});

describe("workspaceExportUrl", () => {
  it("takes only the switches", () => {
    expect(workspaceExportUrl("ws1")).toBe("/api/v1/workspaces/ws1/export");
    expect(workspaceExportUrl("ws1", { includeReplies: false })).toBe("/api/v1/workspaces/ws1/export?includeReplies=false");
  });
});

describe("exportParams", () => {
  it("gives the same query for the same choices", () => {
    const a = exportParams({ tag: ["b", "a"], kind: ["claim"] }).toString();
    const b = exportParams({ kind: ["claim"], tag: ["b", "a"] }).toString();
    expect(a).toBe(b);
  });
});

describe("dateRangeProblem", () => {
  it("accepts an open or ordered range, including one day", () => {
    expect(dateRangeProblem(undefined, undefined)).toBeNull();
    expect(dateRangeProblem("2026-01-01", "")).toBeNull();
    expect(dateRangeProblem("2026-01-01", "2026-01-01")).toBeNull();
  });

  it("names a reversed range or a non-date", () => {
    expect(dateRangeProblem("2026-02-01", "2026-01-01")).toMatch(/on or before/);
    expect(dateRangeProblem("yesterday", undefined)).toMatch(/not a date/);
  });

  it("carries the assignment filters, assignee=me and due=overdue", () => {
    expect(exportUrl("r1", "markdown", { assignee: ["me"], due: ["overdue"] })).toBe(
      "/api/v1/reports/r1/export?format=markdown&assignee=me&due=overdue",
    );
  });
});
