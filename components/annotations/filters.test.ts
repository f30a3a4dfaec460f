import { describe, expect, it } from "vitest";
import type { ReaderAnnotation } from "@/components/reader/types";
import { facetCounts, filtersFromParams, matches, paramsWithFilters, toggle, type Filters } from "./filters";

const base = { tags: [], status: "open", visibility: "workspace", verdict: "unverified" } as const;
const make = (id: string, fields: Partial<ReaderAnnotation>) =>
  ({ id, author: { id: "u1", name: "U" }, kind: "comment", ...base, ...fields }) as ReaderAnnotation;

const list = [
  make("a", { kind: "claim", verdict: "contested", tags: ["Economy"] }),
  make("b", { kind: "claim", verdict: "supported", status: "resolved" }),
  make("c", { kind: "question", author: { id: "u2", name: "V" }, tags: ["economy", "Security"] }),
];

describe("sidebar filters", () => {
  it("keeps any value within a dimension and all dimensions together", () => {
    const f = { kind: ["claim", "question"], status: ["open"] };
    expect(list.filter((a) => matches(a, f)).map((a) => a.id)).toEqual(["a", "c"]);
    expect(list.filter((a) => matches(a, { tag: ["ECONOMY"] })).map((a) => a.id)).toEqual(["a", "c"]);
    expect(list.filter((a) => matches(a, { verdict: ["contested"] })).map((a) => a.id)).toEqual(["a"]);
  });

  it("filters by assignee=me (the reader) and due=overdue (open and past its day)", () => {
    const assigned = [
      make("m", { assignee: { id: "me1", name: "Me" }, dueAt: "2000-01-01" }),
      make("o", { assignee: { id: "u2", name: "V" }, dueAt: "2999-01-01" }),
      make("d", { assignee: { id: "me1", name: "Me" }, dueAt: "2000-01-01", status: "resolved" }),
      make("n", { assignee: null, dueAt: null }),
    ];
    const ids = (f: Filters, meId?: string) => assigned.filter((a) => matches(a, f, { meId })).map((a) => a.id);
    expect(ids({ assignee: ["me"] }, "me1")).toEqual(["m", "d"]);
    expect(ids({ assignee: ["me"] }, "u2")).toEqual(["o"]);
    expect(ids({ assignee: ["me"] })).toEqual([]);
    expect(ids({ due: ["overdue"] }, "me1")).toEqual(["m"]);
    expect(ids({ assignee: ["me"], due: ["overdue"] }, "u2")).toEqual([]);
    expect(filtersFromParams(new URLSearchParams("assignee=me&due=overdue"))).toEqual({ assignee: ["me"], due: ["overdue"] });
  });

  it("counts each value as if only the other filters applied", () => {
    const counts = facetCounts(list, { kind: ["claim"], status: ["open"] }, "kind");
    expect(Object.fromEntries(counts)).toEqual({ claim: 1, question: 1 });
    expect(Object.fromEntries(facetCounts(list, {}, "tag"))).toEqual({ economy: 2, security: 1 });
  });

  it("round-trips through the URL and toggles values", () => {
    const f = toggle(toggle({}, "kind", "claim"), "verdict", "contested");
    const params = paramsWithFilters(new URLSearchParams("annotation=x"), f);
    expect(params.toString()).toBe("annotation=x&kind=claim&verdict=contested");
    expect(filtersFromParams(params)).toEqual(f);
    expect(toggle(f, "kind", "claim").kind).toEqual([]);
  });
});
