import { describe, expect, it } from "vitest";
import { dropChromePassages, footerStart, isChromeLine } from "./page-chrome";

describe("isChromeLine", () => {
  it("knows buttons, calls to subscribe and copyright notices", () => {
    for (const line of [
      "Share this article",
      "Read more",
      "Subscribe to our newsletter",
      "Sign up for our daily newsletter.",
      "Subscribe now for full access",
      "© 2024 Levant Review. All rights reserved.",
      "Copyright 2023 The Policy Institute",
      "Share Tweet Email",
    ]) {
      expect(isChromeLine(line), line).toBe(true);
    }
  });

  it("keeps prose that mentions the same words", () => {
    for (const line of [
      "Readers can subscribe to the ministry's newsletter, which publishes tariffs a month ahead of their entry into force.",
      "Copyright law in Jordan was amended in 2014 to cover software and databases, which the report discusses below.",
      "Share of households connected to the network",
      "Comments",
      "Related work on water pricing has focused on tariffs.",
    ]) {
      expect(isChromeLine(line), line).toBe(false);
    }
  });
});

describe("footerStart", () => {
  const body = [
    "Three years of drought have cut the flow of the Yarmouk to a third of its average.",
    "The desalination plant planned for Aqaba would supply 300 million cubic metres a year.",
    "Critics say the plant's energy costs will fall on the poorest districts.",
  ];

  it("finds the list of links a site puts under an article", () => {
    const lines = [...body, "Related articles", "Drought deepens across the Levant", "Why Amman's pipes leak"];
    expect(footerStart(lines)).toBe(3);
    expect(footerStart([...body, "", "Most read", "", "Ten years of the Red Sea canal", ""])).toBe(4);
  });

  it("leaves a section of the report that happens to be called Related", () => {
    expect(footerStart([...body, "Related", "Earlier studies of the basin reached the same conclusion, with smaller samples."])).toBe(-1);
    // At the top of a text, a list of headlines is the report's own contents.
    expect(footerStart(["Related articles", "Drought deepens", ...body, ...body])).toBe(-1);
  });

  it("drops chrome passages and the footer list from passages", () => {
    const passages = [...body, "Share this article", "Related articles", "Drought deepens across the Levant"].map((text) => ({
      text,
      kind: "paragraph" as const,
    }));
    expect(dropChromePassages(passages).map((p) => p.text)).toEqual(body);
  });
});
