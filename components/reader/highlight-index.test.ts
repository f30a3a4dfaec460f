import { describe, expect, it } from "vitest";
import { highlightRows, type HighlightRow } from "@/lib/domain/highlight-index";
import { decodeHighlightIndex } from "./highlight-index";
import type { ReaderPassage } from "./types";

const passage = (index: number, id: string) => ({ id, index, kind: "paragraph", text: "Some text of the passage." }) as ReaderPassage;

describe("decodeHighlightIndex", () => {
  const rows: HighlightRow[] = [
    ["a1", 0, 0, 4, "comment", "open", "unverified", "workspace", "u1", [], null, null],
    ["a2", 3, 2, 9, "claim", "resolved", "contested", "private", "u2", ["Beta", 'quoted "tag", with, commas'], "u2", "2026-12-12"],
    ["a3", 7, 1, 2, "question", "open", "unverified", "workspace", "u1", [], null, null],
  ];
  const json = JSON.stringify(rows);

  it("reads the rows from the one JSON string the page carries", () => {
    expect(highlightRows(json)).toEqual(rows);
  });

  it("gives each row its passage's id and the fields the filters look at, leaving out rows whose passage is not in the text", () => {
    const decoded = decodeHighlightIndex(json, [passage(0, "p0"), passage(3, "p3")]);
    expect(decoded).toEqual([
      {
        id: "a1",
        passageId: "p0",
        start: 0,
        end: 4,
        kind: "comment",
        status: "open",
        verdict: "unverified",
        visibility: "workspace",
        tags: [],
        author: { id: "u1" },
        assignee: null,
        dueAt: null,
      },
      {
        id: "a2",
        passageId: "p3",
        start: 2,
        end: 9,
        kind: "claim",
        status: "resolved",
        verdict: "contested",
        visibility: "private",
        tags: ["Beta", 'quoted "tag", with, commas'],
        author: { id: "u2" },
        assignee: { id: "u2" },
        dueAt: "2026-12-12",
      },
    ]);
  });

  it("reads an empty index", () => {
    expect(decodeHighlightIndex("[]", [passage(0, "p0")])).toEqual([]);
  });
});
