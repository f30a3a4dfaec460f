import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "./query";

describe("parseSearchQuery", () => {
  it("makes every word a prefix and requires all of them", () => {
    expect(parseSearchQuery("Rising infla").tsquery).toBe("'rising':* & 'infla':*");
  });

  it("keeps a quoted phrase as words next to each other", () => {
    const q = parseSearchQuery('"humanitarian window" Syria');
    expect(q.tsquery).toBe("('humanitarian' <-> 'window') & 'syria':*");
    expect(q.terms).toEqual(["humanitarian window", "syria"]);
  });

  it("looks for the words next to each other, in the order typed, to find exact occurrences first", () => {
    expect(parseSearchQuery("humanitarian window").exactTsquery).toBe("('humanitarian' <-> 'window':*)");
    expect(parseSearchQuery('"humanitarian window" Syria -coal').exactTsquery).toBe(
      "('humanitarian' <-> 'window' <-> 'syria':*) & !'coal'",
    );
    // One word or one phrase: the query itself already is that.
    expect(parseSearchQuery("infla").exactTsquery).toBe("");
    expect(parseSearchQuery('"public health" -policy').exactTsquery).toBe("");
    expect(parseSearchQuery("-coal").exactTsquery).toBe("");
  });

  it("excludes words after a minus, and looks for nothing when only exclusions are left", () => {
    expect(parseSearchQuery("gas -coal").tsquery).toBe("'gas':* & !'coal'");
    expect(parseSearchQuery("-coal").tsquery).toBe("");
  });

  it("reads Arabic and other scripts as words", () => {
    expect(parseSearchQuery("التخزين الأسعار").tsquery).toBe("'التخزين':* & 'الأسعار':*");
    expect(parseSearchQuery("電力").tsquery).toBe("'電力':*");
  });

  it("turns operators, quotes and SQL into plain words", () => {
    expect(parseSearchQuery("'; DROP TABLE users; --").tsquery).toBe("'drop':* & 'table':* & 'users':*");
    expect(parseSearchQuery("a & b | !c <-> d:*").tsquery).toBe("'a':* & 'b':* & 'c':* & 'd':*");
    expect(parseSearchQuery('"unclosed phrase').tsquery).toBe("('unclosed' <-> 'phrase')");
    expect(parseSearchQuery("covid-19").tsquery).toBe("('covid' <-> '19':*)");
  });

  it("survives lone surrogates and empty input", () => {
    expect(parseSearchQuery("\ud800abc").tsquery).toBe("'abc':*");
    expect(parseSearchQuery("   ").tsquery).toBe("");
    expect(parseSearchQuery('"" - "').tsquery).toBe("");
  });

  it("never lets anything but words, quotes around them and the operators it writes into the query", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        const { tsquery, exactTsquery } = parseSearchQuery(s);
        // Strip what the builder writes; what is left must be letters, marks, digits or spaces.
        const rest = (tsquery + " " + exactTsquery).replace(/'[\p{L}\p{M}\p{N}]+'(:\*)?/gu, "").replace(/<->|[&!()]/g, "");
        expect(rest.trim()).toBe("");
      }),
    );
  });
});
