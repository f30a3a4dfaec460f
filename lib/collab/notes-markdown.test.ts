import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { notesDocFromMarkdown, notesDocToMarkdown, notesFragment, replaceNotesMarkdown } from "./notes-markdown";

const NOTES = [
  "# Where we landed",
  "",
  "## The storage figure",
  "",
  "### Sources",
  "",
  "- **Storage** grew by *40%*",
  "- See [the chart](https://example.org/chart?x=1)",
  "",
  "1. First check",
  "2. Second check",
  "",
  "> grew by 40% in 2022 — [¶ 2](/w/desk/r/abc#p-2)",
  "",
  'Ask [@ id="user_1" label="Edna Editor"] before Friday.',
].join("\n");

/** Through the wire: a Yjs update applied to a fresh document, as a client or another server would. */
function throughYjs(markdown: string): Y.Doc {
  const remote = new Y.Doc();
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(notesDocFromMarkdown(markdown)));
  return remote;
}

describe("team notes: Markdown ⇄ Yjs", () => {
  it("keeps headings, lists, quotes, links, bold, italic and mentions through a round trip", () => {
    expect(notesDocToMarkdown(throughYjs(NOTES))).toBe(NOTES);
  });

  it("writes into the fragment the editor binds to, as ProseMirror elements", () => {
    const fragment = notesFragment(throughYjs(NOTES));
    expect(fragment.toArray().map((el) => (el as Y.XmlElement).nodeName)).toEqual([
      "heading",
      "heading",
      "heading",
      "bulletList",
      "orderedList",
      "blockquote",
      "paragraph",
    ]);
  });

  it("treats no notes and an empty paragraph as the empty string", () => {
    expect(notesDocToMarkdown(throughYjs(""))).toBe("");
    expect(notesDocToMarkdown(new Y.Doc())).toBe("");
  });

  it("replaces the content with an update that merges with concurrent edits", () => {
    const server = throughYjs("First paragraph.\n\nSecond paragraph.");
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    // The client appends a paragraph while the server rewrites the first one.
    const clientChange = replaceNotesMarkdown(client, "First paragraph.\n\nSecond paragraph.\n\nThird, typed by a client.")!;
    const serverChange = replaceNotesMarkdown(server, "First paragraph, edited.\n\nSecond paragraph.")!;
    Y.applyUpdate(server, clientChange);
    Y.applyUpdate(client, serverChange);
    expect(notesDocToMarkdown(server)).toBe("First paragraph, edited.\n\nSecond paragraph.\n\nThird, typed by a client.");
    expect(notesDocToMarkdown(client)).toBe(notesDocToMarkdown(server));
  });

  it("returns no update when the Markdown says what the document says", () => {
    expect(replaceNotesMarkdown(throughYjs(NOTES), NOTES)).toBeNull();
  });
});
