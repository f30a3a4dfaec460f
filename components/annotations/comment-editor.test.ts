// @vitest-environment node
import { describe, expect, it } from "vitest";
import { MarkdownManager } from "@tiptap/markdown";
import StarterKit from "@tiptap/starter-kit";
import { extractMentions } from "@/lib/markdown/mentions";
import { markdownToBlocks } from "@/lib/markdown/to-blocks";
import { createMentionExtension } from "./comment-editor";
import { filterMembers, mentionAttrs, type MentionMember } from "./mention-list";

const members: MentionMember[] = [
  { id: "u1", name: "Layla Mansour" },
  { id: "u2", name: "Sami Haddad" },
  { id: "u3", name: "José Martín" },
  { id: "u4", name: "ليلى منصور" },
  { id: "u5", name: "Anne-Marie Durand" },
];

/** The editor's Markdown serialiser, with the same node set as CommentEditor (no DOM needed). */
function manager() {
  return new MarkdownManager({
    extensions: [
      StarterKit.configure({ heading: false, codeBlock: false, horizontalRule: false, underline: false }),
      createMentionExtension(() => members),
    ],
  });
}

/** A paragraph as the suggestion command leaves it: the mention node, then a space. */
function docWith(attrs: { id: string; label: string }) {
  return {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Ask " },
          { type: "mention", attrs: { ...attrs, mentionSuggestionChar: "@" } },
          { type: "text", text: " about [this]" },
        ],
      },
    ],
  };
}

describe("CommentEditor mentions in Markdown", () => {
  it("serialises a mention as TipTap's shortcode with id and label", () => {
    const md = manager().serialize(docWith(mentionAttrs(members[0])));
    expect(md).toBe('Ask [@ id="u1" label="Layla Mansour"] about \\[this\\]');
    expect(extractMentions(md)).toEqual([{ id: "u1", label: "Layla Mansour" }]);
    expect(markdownToBlocks(md)).toEqual([
      {
        type: "paragraph",
        children: [
          { type: "text", text: "Ask " },
          { type: "mention", id: "u1", label: "Layla Mansour" },
          { type: "text", text: " about [this]" },
        ],
      },
    ]);
  });

  it("reads the shortcode back into a mention node (editing a comment)", () => {
    const m = manager();
    const md = '- cc [@ id="u4" label="ليلى منصور"] please\n\n`[@ id="u9" label="literal"]`';
    const json = m.parse(md);
    expect(JSON.stringify(json)).toContain('"type":"mention","attrs":{"id":"u4","label":"ليلى منصور"}');
    expect(JSON.stringify(json)).not.toContain('"id":"u9"');
    expect(m.serialize(json)).toContain('[@ id="u4" label="ليلى منصور"]');
  });

  it("keeps quotes and brackets in a name from breaking the shortcode", () => {
    const attrs = mentionAttrs({ id: 'x"1', name: 'Sam "the ] man"' });
    expect(attrs).toEqual({ id: "x1", label: "Sam the  man" });
    const md = manager().serialize(docWith(attrs));
    expect(extractMentions(md)).toEqual([{ id: "x1", label: "Sam the  man" }]);
  });

  it("leaves a label that looks like HTML as text in the shortcode", () => {
    const md = manager().serialize(docWith(mentionAttrs({ id: "u6", name: "<img src=x onerror=alert(1)>" })));
    expect(md).toContain('[@ id="u6" label="<img src=x onerror=alert(1)>"]');
    expect(markdownToBlocks(md)[0]).toMatchObject({ children: [{}, { type: "mention", label: "<img src=x onerror=alert(1)>" }, {}] });
  });
});

describe("filterMembers", () => {
  const ids = (query: string) => filterMembers(members, query).map((m) => m.id);

  it("matches the start of any word, ignoring case and accents", () => {
    expect(ids("la")).toEqual(["u1"]);
    expect(ids("MAN")).toEqual(["u1"]);
    expect(ids("ha")).toEqual(["u2"]);
    expect(ids("jose")).toEqual(["u3"]);
    expect(ids("martin")).toEqual(["u3"]);
    expect(ids("marie")).toEqual(["u5"]);
    expect(ids("منص")).toEqual(["u4"]);
    expect(ids("ansour")).toEqual([]);
  });

  it("puts whole-name matches first", () => {
    const list = [
      { id: "a", name: "Omar Sami" },
      { id: "b", name: "Sami Haddad" },
    ];
    expect(filterMembers(list, "sa").map((m) => m.id)).toEqual(["b", "a"]);
  });

  it("shows at most 8, and everyone for an empty query", () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ id: `m${i}`, name: `Member ${i}` }));
    expect(filterMembers(many, "")).toHaveLength(8);
    expect(filterMembers(many, "mem")).toHaveLength(8);
    expect(filterMembers(members, "")).toHaveLength(5);
  });
});
