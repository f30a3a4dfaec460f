import { describe, expect, it } from "vitest";
import { parseByline, parseFrontLine } from "./byline";

describe("parseByline", () => {
  it("reads the names of a news site's byline", () => {
    expect(parseByline("By Rana Khalil and Thomas Berger")).toEqual(["Rana Khalil", "Thomas Berger"]);
    expect(parseByline("By Rana Khalil, Thomas Berger and Ann-Marie Poe")).toEqual(["Rana Khalil", "Thomas Berger", "Ann-Marie Poe"]);
    expect(parseByline("BY RANA KHALIL")).toEqual(["RANA KHALIL"]);
    expect(parseByline("Written by Ursula von der Leyen & Rana al-Khalil")).toEqual(["Ursula von der Leyen", "Rana al-Khalil"]);
    expect(parseByline("Authors: Rana Khalil; Thomas Berger")).toEqual(["Rana Khalil", "Thomas Berger"]);
  });

  it("reads an Arabic byline", () => {
    expect(parseByline("بقلم رنا خليل")).toEqual(["رنا خليل"]);
    expect(parseByline("بقلم: رنا خليل، توماس برغر")).toEqual(["رنا خليل", "توماس برغر"]);
  });

  it("leaves prose that starts with “By” alone", () => {
    expect(parseByline("By the end of 2023, prices had doubled.")).toBeNull();
    expect(parseByline("By 2030 the plant would supply most of Amman")).toBeNull();
    expect(parseByline("by Thomas Berger and colleagues found")).toBeNull();
    expect(parseByline("By contrast, the ministry says little")).toBeNull();
    expect(parseByline("Rana Khalil and Thomas Berger")).toBeNull();
  });
});

describe("parseFrontLine", () => {
  it("reads a date line in the forms news pages print", () => {
    for (const [line, date] of [
      ["March 4, 2024", "2024-03-04"],
      ["Published: 4 March 2024", "2024-03-04"],
      ["Mon 4 Mar 2024 10.32 GMT", "2024-03-04"],
      ["Updated March 4, 2024 at 10:32 a.m. EST", "2024-03-04"],
      ["Last updated on 2024-03-04", "2024-03-04"],
      ["Published 4 March 2024 | Updated 5 March 2024", "2024-03-04"],
    ]) {
      expect(parseFrontLine(line), line).toEqual({ authors: null, publishedAt: date });
    }
  });

  it("reads a byline and a date on one line", () => {
    expect(parseFrontLine("By Rana Khalil | March 4, 2024")).toEqual({ authors: ["Rana Khalil"], publishedAt: "2024-03-04" });
    expect(parseFrontLine("By Rana Khalil · 4 March 2024")).toEqual({ authors: ["Rana Khalil"], publishedAt: "2024-03-04" });
    expect(parseFrontLine("Posted by Rana Khalil on 4 March 2024")).toEqual({ authors: ["Rana Khalil"], publishedAt: "2024-03-04" });
    expect(parseFrontLine("By Rana Khalil and Thomas Berger, March 4, 2024")).toEqual({
      authors: ["Rana Khalil", "Thomas Berger"],
      publishedAt: "2024-03-04",
    });
  });

  it("is null for a sentence", () => {
    expect(parseFrontLine("The plant opened on March 4, 2024 after years of delay.")).toBeNull();
    expect(parseFrontLine("By March 4, 2024 the reservoir was half empty.")).toBeNull();
  });
});
