import type { AnyExtension } from "@tiptap/core";
import { Heading } from "@tiptap/extension-heading";
import { Mention } from "@tiptap/extension-mention";
import StarterKit from "@tiptap/starter-kit";

/**
 * The team notes' document model, shared by the editor in the browser and the
 * collaboration server (which turns Markdown into the Yjs document and back):
 * both must build the very same ProseMirror schema, or a co-edited document
 * would lose what one side does not know. Nothing here may import React.
 */

/** The Y.XmlFragment of the notes' Y.Doc that TipTap's Collaboration extension binds to. */
export const NOTES_FIELD = "default";

/**
 * Notes headings are "#", "##", "###" in Markdown (what the API and the exports
 * read), shown one level down on the page, under the panel's own heading.
 */
export const NotesHeading = Heading.extend({
  renderHTML({ node, HTMLAttributes }) {
    return [`h${Math.min(6, Number(node.attrs.level) + 1)}`, HTMLAttributes, 0];
  },
  parseHTML() {
    return [2, 3, 4].map((tag) => ({ tag: `h${tag}`, attrs: { level: tag - 1 } }));
  },
}).configure({ levels: [1, 2, 3] });

/** A mention reads "@Name"; in Markdown it is TipTap's shortcode `[@ id="…" label="…"]`. */
const mentionText = (attrs: Record<string, unknown>) => `@${String(attrs.label || attrs.id || "")}`;
export const mentionDisplay = {
  renderText: ({ node }: { node: { attrs: Record<string, unknown> } }) => mentionText(node.attrs),
};

/** The mention node without the "@" suggestion list (which needs a browser). */
const PlainMention = Mention.configure({
  renderText: mentionDisplay.renderText,
  renderHTML: ({ options, node }) => ["span", options.HTMLAttributes, mentionText(node.attrs)],
});

export interface NotesExtensionOptions {
  /** The editor's mention extension (with its suggestion list); the same node as the plain one. */
  mention?: AnyExtension;
  /** With Yjs the history is the Collaboration extension's own (it undoes only your changes). */
  collaborative?: boolean;
}

/** The extensions that define the notes' schema: StarterKit without h-levels of its own, headings 1–3, mentions. */
export function notesExtensions({ mention, collaborative = false }: NotesExtensionOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: false,
      underline: false,
      ...(collaborative ? { undoRedo: false as const } : {}),
      link: { openOnClick: false, autolink: true, defaultProtocol: "https", protocols: ["http", "https", "mailto"] },
    }),
    NotesHeading,
    mention ?? PlainMention,
  ];
}
