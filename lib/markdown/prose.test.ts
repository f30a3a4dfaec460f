import fc from "fast-check";
import { Lexer } from "marked";
import { describe, expect, it } from "vitest";
import { isPlainProse } from "./prose";
import { lexedBlocks, markdownToBlocks } from "./to-blocks";

// Mostly what prose is made of, now and then something Markdown reads.
const LETTERS = ["a", "B", "z", "é", "ß", "ع", "ل", "中"];
const PROSE = [
  ...LETTERS,
  "0",
  "7",
  " ",
  " ",
  " ",
  ".",
  ",",
  ";",
  "?",
  "!",
  "'",
  '"',
  "’",
  "“",
  "«",
  "،",
  "؟",
  "%",
  "$",
  "€",
  "(",
  ")",
  "/",
  "-",
  "—",
  "…",
  "\u0301",
];
const SYNTAX = ["*", "_", "`", "#", ">", "<", "[", "]", "&", "@", ":", "|", "\\", "\t", "~", "=", "+", "1.", "www.", "  ", "\r", "    "];
const piece = fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...PROSE) }, { weight: 1, arbitrary: fc.constantFrom(...SYNTAX) });
const line = fc
  .tuple(
    fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...LETTERS) }, { weight: 1, arbitrary: piece }),
    fc.array(piece, { maxLength: 40 }),
  )
  .map(([first, rest]) => first + rest.join(""));
const text = fc
  .array(fc.tuple(line, fc.constantFrom("\n", "\n", "\n\n", "\n\n\n")), { minLength: 1, maxLength: 6 })
  .map((lines) => lines.map(([l, sep]) => l + sep).join(""))
  .chain((body) => fc.constantFrom(body, `\n${body}`, body.trimEnd(), body.replace(/ +$/gm, "")));

describe("isPlainProse", () => {
  it("takes sentences in any script, and nothing Markdown would read", () => {
    for (const prose of [
      "Regulation the of policy and growth.",
      "First line\nsecond line.\n\nA new paragraph (with 40% more)!",
      "قال التقرير إن التخزين، سيخفض الأسعار؟",
      "",
    ]) {
      expect(isPlainProse(prose), prose).toBe(true);
    }
    for (const markdown of [
      "# Title",
      "- item",
      "1. item",
      "> quote",
      "a *b*",
      "a_b_",
      "`code`",
      "a  \nb",
      "a\\\nb",
      "see www.example.org",
      "http://x.y",
      "a@b.c",
      '[@ id="u" label="U"]',
      "a &amp; b",
      "a | b",
      "a\tb",
      "    code",
      " indented",
      "Title\n===",
      "x\r\ny",
      "<b>",
      "~~gone~~",
    ]) {
      expect(isPlainProse(markdown), markdown).toBe(false);
    }
  });

  it("gives the blocks marked's lexer gives, whenever it says a text is prose", () => {
    fc.assert(
      fc.property(text, (body) => {
        if (!isPlainProse(body)) return;
        expect(markdownToBlocks(body)).toEqual(lexedBlocks(body));
      }),
      { numRuns: 3000 },
    );
  });

  it("finds no heading or code block where the lexer finds none, so embedding keeps the text as it is", () => {
    fc.assert(
      fc.property(text, (body) => {
        if (!isPlainProse(body)) return;
        const tokens = new Lexer().blockTokens(body);
        expect(tokens.every((token) => token.type === "paragraph" || token.type === "space")).toBe(true);
        expect(
          tokens
            .map((token) => token.raw)
            .join("")
            .trim(),
        ).toBe(body.trim());
        expect(tokens.find((token) => token.type !== "space")?.type === "paragraph").toBe(body.trim() !== "");
      }),
      { numRuns: 3000 },
    );
  });
});
