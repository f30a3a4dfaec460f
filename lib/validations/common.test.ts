import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  calendarDate,
  dateOrTime,
  documentText,
  idField,
  INT4_MAX,
  isCalendarDate,
  isDateOrTime,
  lineText,
  multilineText,
  queryWholeNumber,
  replaceControlCharacters,
  requiredText,
  webAddress,
  wholeNumber,
} from "./common";

const messages = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

/** Every character that no text field takes: C0 controls but tab and line breaks, DEL, C1 controls. */
const CONTROLS = [...Array(0x20).keys(), ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i)]
  .filter((c) => ![0x09, 0x0a, 0x0d].includes(c))
  .map((c) => String.fromCharCode(c));

describe("multilineText", () => {
  const body = multilineText("body");

  it("keeps tabs and line breaks, and any well-formed text", () => {
    for (const text of ["a\tb", "a\nb\r\nc", "", "تقرير\u200F ✓ 😀", "\u202Ekept in a body\u202C"]) expect(body.parse(text)).toBe(text);
  });

  it("refuses NUL, every other C0 and C1 control character, and DEL", () => {
    for (const c of CONTROLS) expect(messages(body, `a${c}b`), JSON.stringify(c)).toEqual(["body must not contain control characters."]);
  });

  it("refuses lone surrogates, high or low, but not a pair", () => {
    for (const text of ["\ud800", "a\udc00", "\udbff\udbff", "\ude00\ud83d"])
      expect(messages(body, text)).toEqual(["body contains a broken character (a lone UTF-16 surrogate)."]);
    expect(body.parse("\ud83d\ude00")).toBe("😀");
  });

  it("refuses what is not a string with the field's own message", () => {
    expect(messages(multilineText("body", "body is required."), 12)).toEqual(["body is required."]);
  });
});

describe("lineText", () => {
  const name = lineText("Name").min(1, "Name is required.").max(10, "Name must be at most 10 characters.");

  it("trims, then refuses line breaks, tabs and other controls inside", () => {
    expect(name.parse("  Ada \n")).toBe("Ada");
    expect(messages(name, "A\nB")).toEqual(["Name is one line."]);
    expect(messages(name, "A\u2028B")).toEqual(["Name is one line."]);
    expect(messages(name, "A\tB")).toEqual(["Name must not contain control characters."]);
    for (const c of CONTROLS.filter((c) => !"\t\n\r".includes(c)))
      expect(messages(name, `A${c}B`), JSON.stringify(c)).toEqual(["Name must not contain control characters."]);
  });

  it("removes bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) before trimming and counting", () => {
    const overrides = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];
    for (const c of overrides) expect(name.parse(` ${c}Ada${c} `)).toBe("Ada");
    expect(name.parse("\u202E" + "x".repeat(10) + "\u202C")).toBe("x".repeat(10));
    expect(messages(name, "\u202E \u2069")).toEqual(["Name is required."]);
  });

  it("keeps the marks Arabic and Hebrew need: U+200E, U+200F, U+061C", () => {
    const text = "تقرير\u200F \u200E1\u061C";
    expect(lineText("Title").parse(text)).toBe(text);
  });

  it("refuses lone surrogates", () => {
    expect(messages(name, "A\ud800")).toEqual(["Name contains a broken character (a lone UTF-16 surrogate)."]);
  });

  it("requiredText is a line that cannot be empty", () => {
    const required = requiredText("Workspace name", 80);
    expect(messages(required, undefined)).toEqual(["Workspace name is required."]);
    expect(messages(required, " \u2066 ")).toEqual(["Workspace name is required."]);
    expect(required.parse("\u202EDesk")).toBe("Desk");
  });
});

describe("documentText, webAddress, idField", () => {
  it("documentText leaves controls to the importer but refuses lone surrogates", () => {
    expect(documentText("content").parse("page\fbreak")).toBe("page\fbreak");
    expect(messages(documentText("content"), "a\ud800")).toHaveLength(1);
  });

  it("webAddress takes http(s) addresses only, on one line, without controls", () => {
    const url = webAddress("The source", "Not a web address.");
    expect(url.parse(" https://example.org/a?b=c ")).toBe("https://example.org/a?b=c");
    for (const bad of ["ftp://example.org", "https://example.org/\u0000", "https://exa\u0085mple.org", "https://example.org/\ud800"])
      expect(url.safeParse(bad).success, bad).toBe(false);
    expect(messages(url, `https://example.org/${"x".repeat(2000)}`)).toEqual(["The source must be at most 2,000 characters."]);
  });

  it("idField takes cuids, UUIDs and slugs, and nothing with other characters", () => {
    const id = idField("passageId");
    for (const good of ["cmwzexd2c0007fp7d518gjgkp", "49486888-9d0c-41ef-beb0-5c1f1b0b4c61", "policy-desk-3fa2b1"])
      expect(id.parse(good)).toBe(good);
    for (const bad of ["", "a b", "a\u0000", "a.b", "x".repeat(65), "%00", "\ud800"])
      expect(messages(id, bad), bad).toEqual(["passageId must be an id."]);
  });
});

describe("calendar dates", () => {
  it("isCalendarDate: days that exist, in the years 1000 to 9999", () => {
    for (const day of ["2024-02-29", "2023-12-31", "1000-01-01", "9999-12-31"]) expect(isCalendarDate(day), day).toBe(true);
    for (const day of [
      "2023-02-29",
      "2023-02-30",
      "2023-04-31",
      "2023-13-01",
      "2023-00-10",
      "2023-01-00",
      "0000-01-01",
      "0999-12-31",
      "+275760-09-13",
      "2023-1-1",
      "20230101",
      "2023-01-01T00:00:00Z",
    ]) {
      expect(isCalendarDate(day), day).toBe(false);
    }
  });

  it("calendarDate says which: the shape, or a day that does not exist", () => {
    expect(calendarDate("from").parse(" 2024-02-29 ")).toBe("2024-02-29");
    expect(messages(calendarDate("from"), "27/11/2026")).toEqual(["from must be a date such as 2026-11-27."]);
    expect(messages(calendarDate("from"), "0000-01-01")).toEqual([
      "from is not a real date (the day must exist, in a year from 1000 to 9999).",
    ]);
  });

  it("isDateOrTime also takes a time on a real day, with every part in range", () => {
    for (const t of [
      "2026-11-27",
      "2026-11-27T09:30",
      "2026-11-27T09:30:00Z",
      "2026-11-27T23:59:59.999+05:30",
      "2026-11-27T00:00:00.123456-08:00",
    ])
      expect(isDateOrTime(t), t).toBe(true);
    for (const t of [
      "2023-02-30T00:00:00Z",
      "2026-11-27T24:00:00Z",
      "2026-11-27T09:60Z",
      "2026-11-27T09:30:61Z",
      "2026-11-27T09:30+15:00",
      "0000-01-01T00:00:00Z",
      "+275760-09-13T00:00:00Z",
      "2026-11-27 09:30",
    ]) {
      expect(isDateOrTime(t), t).toBe(false);
    }
    expect(dateOrTime("to").safeParse("2026-11-27T09:30:00Z").success).toBe(true);
  });
});

describe("whole numbers", () => {
  it("wholeNumber: integers within bounds, at most what int4 holds", () => {
    const start = wholeNumber("start", { min: 0 });
    expect(start.parse(0)).toBe(0);
    expect(start.parse(INT4_MAX)).toBe(INT4_MAX);
    expect(messages(start, -1)).toEqual(["start must be 0 or more."]);
    expect(messages(start, INT4_MAX + 1)).toEqual([`start must be at most ${INT4_MAX}.`]);
    expect(messages(start, 1.5)).toEqual(["start must be a whole number."]);
    for (const bad of [Infinity, NaN, 2 ** 53 + 2, "1"]) expect(start.safeParse(bad).success, String(bad)).toBe(false);
  });

  it("queryWholeNumber: decimal digits only, within bounds", () => {
    const limit = queryWholeNumber("limit", { min: 1, max: 200 });
    expect(limit.parse("20")).toBe(20);
    expect(limit.parse(" 7 ")).toBe(7);
    for (const bad of ["0", "201", "-1", "1.5", "1e2", "0x10", "Infinity", "NaN", "", "2147483648", "99999999999", "1\u0000"]) {
      expect(messages(limit, bad), bad).toEqual(["limit must be a whole number from 1 to 200."]);
    }
    expect(queryWholeNumber("version", { min: 1 }).safeParse(String(INT4_MAX + 1)).success).toBe(false);
  });
});

describe("replaceControlCharacters", () => {
  it("replaces what text may not hold, and keeps tabs and line breaks", () => {
    expect(replaceControlCharacters("a\u0000b\u0001c\u007fd\u0085e\tf\ng\rh", "\ufffd")).toBe("a\ufffdb\ufffdc\ufffdd\ufffde\tf\ng\rh");
  });
});
