import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importText } from "./import-text";
import { parseDateLine } from "./normalize";
import { ImportError } from "./types";

const samplePath = path.resolve(import.meta.dirname, "../../prisma/seed/normalization-report-intro.txt");
const long = "This paragraph is long enough to read as prose, with a full sentence that ends in a period as body text does.";

describe("importText on the sample pasted from a web page", () => {
  const report = importText(readFileSync(samplePath, "utf8"));

  it("takes the first line as the title and reads the date, dropping the view counter", () => {
    expect(report.title).toBe("The Political Viability of Rekindling International Relations with the Syrian Regime");
    expect(report.publishedAt).toBe("2023-03-21");
  });

  it("keeps exactly the four real paragraphs, cleaned", () => {
    expect(report.passages).toHaveLength(4);
    expect(report.passages.every((p) => p.kind === "paragraph" && p.level === null)).toBe(true);
    expect(report.passages[0].text.startsWith("The calamitous earthquake")).toBe(true);
    expect(report.passages[3].text.endsWith("understanding its reality and viability.")).toBe(true);
    for (const { text } of report.passages) {
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/[\u00a0\u202f]|\s{2}/);
    }
  });

  it("drops the repeated title, the date line and the site chrome", () => {
    const texts = report.passages.map((p) => p.text);
    expect(texts.some((t) => /Font Size|1902|Political Viability/.test(t))).toBe(false);
  });
});

describe("publication dates", () => {
  it.each([
    ["Mar 21, 2023 1902", "2023-03-21"],
    ["March 21, 2023", "2023-03-21"],
    ["Sept. 5, 2021", "2021-09-05"],
    ["21 March 2023", "2023-03-21"],
    ["Tuesday, 21st March 2023 10:30 am", "2023-03-21"],
    ["Published on: March 21, 2023 | 1,902 views", "2023-03-21"],
    ["2023-03-21", "2023-03-21"],
    ["2023/3/21 14:05 GMT", "2023-03-21"],
    ["21/03/2023", "2023-03-21"],
    ["03/21/2023", "2023-03-21"],
    ["Feb 29, 2024", "2024-02-29"],
  ])("reads %s", (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it.each(["Feb 30, 2023", "Feb 29, 2023", "2023-13-01", "03/04/2023", "Mar 21", "Smarch 21, 2023", "In March 21, 2023 we met"])(
    "refuses %s",
    (line) => {
      expect(parseDateLine(line)).toBeNull();
    },
  );

  it("keeps a line with a date that does not exist as text", () => {
    const report = importText(`Title\nFeb 30, 2023\n\n${long}`);
    expect(report.publishedAt).toBeNull();
    expect(report.passages.map((p) => p.text)).toEqual(["Feb 30, 2023", long]);
  });

  it("only reads a date in the header, not one inside the body", () => {
    const report = importText(`Title\n\n${long}\n\nMarch 21, 2023`);
    expect(report.publishedAt).toBeNull();
    expect(report.passages.at(-1)?.text).toBe("March 21, 2023");
  });
});

describe("paragraphs", () => {
  it("joins hard-wrapped lines inside a block and splits blocks at blank lines", () => {
    const report = importText("Title\n\nOne line\nwrapped here.\n\n\n\tSecond   paragraph.  \n");
    expect(report.passages.map((p) => p.text)).toEqual(["One line wrapped here.", "Second paragraph."]);
  });

  it("makes each line a paragraph when the text has no blank lines", () => {
    const report = importText("Title\r\nFirst paragraph.\r\nSecond paragraph.\rThird paragraph.");
    expect(report.title).toBe("Title");
    expect(report.passages.map((p) => p.text)).toEqual(["First paragraph.", "Second paragraph.", "Third paragraph."]);
  });

  it("treats a lone line as content rather than a title over nothing", () => {
    const report = importText("Just one paragraph of text.");
    expect(report.title).toBeNull();
    expect(report.passages).toEqual([{ kind: "paragraph", level: null, text: "Just one paragraph of text." }]);
  });

  it("drops chrome only when the whole line is chrome", () => {
    const report = importText(`Title\n\nShare Tweet Email\n\nA A A\n\nPrint\n\nShare this with your team.\n\n${long}`);
    expect(report.passages.map((p) => p.text)).toEqual(["Share this with your team.", long]);
  });

  it("removes invisible junk, composes accents and keeps ZWNJ and ZWJ", () => {
    const report = importText(
      "\uFEFFTi\u200Btle\n\nCafe\u0301 me\u00ADeting, \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \u{1F469}\u200D\u{1F467}.",
    );
    expect(report.title).toBe("Title");
    expect(report.passages[0].text).toBe("Caf\u00e9 meeting, \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \u{1F469}\u200D\u{1F467}.");
  });

  it("keeps Arabic text intact and in order, numbers included", () => {
    const title = "العلاقات الدولية مع النظام السوري";
    const body = "شهدت سوريا زلزالاً مدمراً في 6 شباط/فبراير 2023، وفتح ذلك نافذة إنسانية.";
    const report = importText(`${title}\n21 March 2023\n\n${body}\u00a0\n\nالفقرة الثانية من التقرير.`);
    expect(report.title).toBe(title);
    expect(report.publishedAt).toBe("2023-03-21");
    expect(report.passages.map((p) => p.text)).toEqual([body, "الفقرة الثانية من التقرير."]);
  });

  it("refuses text that is only a title's worth of chrome", () => {
    expect(() => importText("Font Size\n\nShare\n")).toThrow(ImportError);
  });
});

describe("headings", () => {
  it("recognises a clear heading between blank lines before a longer paragraph", () => {
    const report = importText(`Title\n\n1. Introduction\n\n${long}\n\n1.2 Background\n\n${long}\n\nFindings\n\n${long}`);
    expect(report.passages.map((p) => [p.kind, p.level])).toEqual([
      ["heading", 2],
      ["paragraph", null],
      ["heading", 3],
      ["paragraph", null],
      ["heading", 2],
      ["paragraph", null],
    ]);
  });

  it("keeps doubtful lines as paragraphs", () => {
    const cases = [
      `Title\n\nA short sentence.\n\n${long}`, // ends like a sentence
      `Title\n\nlowercase start here\n\n${long}`,
      `Title\n\n${long}\n\nIntroduction`, // nothing after it
      `Title\n\nIntroduction\n\nShort reply.`, // not followed by prose
      `Title\n\nIntroduction\nwrapped onto a second line\n\n${long}`, // more than one line
    ];
    for (const text of cases) {
      expect(importText(text).passages.every((p) => p.kind === "paragraph")).toBe(true);
    }
  });
});

describe("a pasted news article", () => {
  const article = (lines: string[]) => importText(lines.join("\n"));
  const body = [
    "Three years of drought have cut the flow of the Yarmouk to a third of its average, and the farms of the valley feel it first.",
    "",
    "The desalination plant planned for Aqaba would supply 300 million cubic metres a year, enough for most of Amman's households.",
    "",
    "Critics say the plant's energy costs will fall on the poorest districts, which already pay the most per cubic metre.",
  ];

  it("takes the byline as the authors and finds the date line after it", () => {
    const report = article(["Water and Power in the Jordan Basin", "By Rana Khalil and Thomas Berger", "March 4, 2024", "", ...body]);
    expect(report.title).toBe("Water and Power in the Jordan Basin");
    expect(report.authors).toEqual(["Rana Khalil", "Thomas Berger"]);
    expect(report.publishedAt).toBe("2024-03-04");
    expect(report.passages.map((p) => p.text)).toEqual(body.filter(Boolean));
  });

  it("reads a byline of three and a date on the byline's line, after a standfirst", () => {
    const report = article([
      "Water and Power in the Jordan Basin",
      "",
      "What a plant on the Red Sea would cost, and who would pay.",
      "",
      "By Rana Khalil, Thomas Berger and Sami Cohen | Published 4 March 2024, 10:32 GMT",
      "",
      ...body,
    ]);
    expect(report.authors).toEqual(["Rana Khalil", "Thomas Berger", "Sami Cohen"]);
    expect(report.publishedAt).toBe("2024-03-04");
    expect(report.passages[0].text).toBe("What a plant on the Red Sea would cost, and who would pay.");
    expect(report.passages).toHaveLength(4);
  });

  it("reads an Arabic byline", () => {
    const report = article([
      "المياه والطاقة في حوض الأردن",
      "بقلم رنا خليل",
      "",
      "قالت الدراسة إن الجفاف خفض تدفق نهر اليرموك إلى الثلث خلال ثلاث سنوات متتالية.",
    ]);
    expect(report.authors).toEqual(["رنا خليل"]);
    expect(report.passages.map((p) => p.text)).toEqual(["قالت الدراسة إن الجفاف خفض تدفق نهر اليرموك إلى الثلث خلال ثلاث سنوات متتالية."]);
  });

  it("drops the site's footer: related articles, calls to subscribe, sharing and copyright", () => {
    const report = article([
      "Water and Power in the Jordan Basin",
      "",
      ...body,
      "",
      "Share this article",
      "Related articles",
      "Drought deepens across the Levant",
      "Why Amman's pipes leak",
      "Subscribe to our newsletter",
      "© 2024 Levant Review. All rights reserved.",
    ]);
    expect(report.passages.map((p) => p.text)).toEqual(body.filter(Boolean));
  });

  it("keeps real text that mentions the same words", () => {
    const lines = [
      "Water and Power in the Jordan Basin",
      "",
      ...body,
      "",
      "Related",
      "",
      "Earlier studies of the basin, which the ministry did not publish, reached the same conclusion with smaller samples.",
      "",
      "Readers can subscribe to the ministry's newsletter, which lists tariffs a month before they change.",
    ];
    expect(article(lines).passages).toHaveLength(6);
  });

  it("does not take a sentence that starts with “By” for a byline", () => {
    const report = article([
      "Water and Power",
      "",
      "By the end of 2023, prices had doubled in every governorate of the kingdom.",
      "",
      ...body,
    ]);
    expect(report.authors).toEqual([]);
    expect(report.passages[0].text).toMatch(/^By the end of 2023/);
  });

  it("remembers the title line, to be kept when another title is given", () => {
    expect(article(["Water and Power", "", ...body]).titlePassage).toEqual({ kind: "heading", level: 1, text: "Water and Power" });
  });
});
