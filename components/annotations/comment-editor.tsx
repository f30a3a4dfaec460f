"use client";

import { Mention } from "@tiptap/extension-mention";
import { Placeholder } from "@tiptap/extensions";
import { Markdown } from "@tiptap/markdown";
import { PluginKey, Selection } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/core";
import { EditorContent, ReactRenderer, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useState } from "react";
import { LinkBox } from "./link-box";
import { filterMembers, MentionList, type MentionListHandle, type MentionMember } from "./mention-list";
import { Icon, toolButton } from "./toolbar-button";

interface Props {
  label: string;
  placeholder?: string;
  onSubmit: () => void;
  /** Esc in the editor. Without it, Esc is left to what is around the editor (the reader closes the card, keeping the draft). */
  onCancel?: () => void;
  onChange: (markdown: string) => void;
  /** Workspace members who can be @mentioned. Without any, typing "@" opens no list. */
  members?: MentionMember[];
  /** Markdown to start from, e.g. the body of a comment being edited. */
  initialMarkdown?: string;
  /** Take the focus once made (default): for forms the reader opened to write in. */
  autoFocus?: boolean;
  /** Each time this grows, the editor takes the focus (the reader's `r`). */
  focusSignal?: number;
}

/** The "@" suggestion's plugin key: lets the editor tell whether the member list is open. */
const mentionSuggestionKey = new PluginKey("comment-mention");

/** The chip a mention shows as while writing (the same amber as in MarkdownBody). */
const MENTION_CHIP = "rounded bg-amber-100 px-0.5 font-medium text-amber-900 box-decoration-clone dark:bg-amber-400/15 dark:text-amber-200";

/**
 * The Mention node for comment bodies. In Markdown a mention is TipTap's
 * shortcode, `[@ id="<userId>" label="<Name>"]` — what lib/markdown/mentions.ts
 * reads on the server and lib/markdown/to-blocks.ts displays. Typing "@" opens
 * a list of the members `getMembers` returns, filtered by what follows.
 */
export function createMentionExtension(getMembers: (editor: Editor) => readonly MentionMember[]) {
  const text = (attrs: Record<string, unknown>) => `@${String(attrs.label || attrs.id || "")}`;
  return Mention.configure({
    HTMLAttributes: { class: MENTION_CHIP },
    renderText: ({ node }) => text(node.attrs),
    renderHTML: ({ options, node }) => ["span", options.HTMLAttributes, text(node.attrs)],
    suggestion: {
      char: "@",
      pluginKey: mentionSuggestionKey,
      // Only where a mention may go, never inside inline code, and only if there is someone to mention.
      allow: ({ editor, state, range }) => {
        const type = state.schema.nodes.mention;
        const $from = state.doc.resolve(range.from);
        return (
          getMembers(editor).length > 0 &&
          !!type &&
          !!$from.parent.type.contentMatch.matchType(type) &&
          !state.selection.$from.marks().some((mark) => mark.type.spec.code)
        );
      },
      items: ({ editor, query }) => filterMembers(getMembers(editor), query),
      render: () => {
        let list: ReactRenderer<MentionListHandle, React.ComponentProps<typeof MentionList>> | null = null;
        let unmount: (() => void) | undefined;
        return {
          onStart: (props) => {
            list = new ReactRenderer(MentionList, {
              editor: props.editor,
              className: "z-[60]",
              props: { items: props.items, loading: props.loading, command: props.command, editorElement: props.editor.view.dom },
            });
            // Appends the list to document.body and keeps it under the caret (props.clientRect), flipping above when there is no room.
            unmount = props.mount(list.element);
          },
          onUpdate: (props) => {
            list?.updateProps({ items: props.items, loading: props.loading, command: props.command });
          },
          onKeyDown: ({ event }) => list?.ref?.onKeyDown(event) ?? false,
          onExit: () => {
            unmount?.();
            unmount = undefined;
            list?.destroy();
            list = null;
          },
        };
      },
    },
  });
}

const isTextField = (el: Element | null) =>
  el instanceof HTMLInputElement ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLElement && el.isContentEditable);

/** Each editor's members, kept up to date from the `members` prop (the plugin outlives renders). */
const membersByEditor = new WeakMap<Editor, readonly MentionMember[]>();

const CommentMention = createMentionExtension((editor) => membersByEditor.get(editor) ?? []);

/** A small rich-text editor for comment bodies; it reports its content as Markdown. */
export function CommentEditor({
  label,
  placeholder,
  onSubmit,
  onCancel,
  onChange,
  members,
  initialMarkdown,
  autoFocus = true,
  focusSignal = 0,
}: Props) {
  const [linkOpen, setLinkOpen] = useState(false);
  const editor = useEditor({
    immediatelyRender: false,
    // The editor is made after the form is on screen: it takes the focus then, unless the reader is
    // already typing in another field (a claim's one-line summary, a card's tag box), whose keystrokes
    // it would steal. Checked in the frame that focuses: Tiptap's focus command focuses a frame after
    // it is called, and a field the reader entered in that frame lost what they typed next.
    onCreate: ({ editor }) => {
      if (!autoFocus && !focusSignal) return;
      requestAnimationFrame(() => {
        if (editor.isDestroyed || isTextField(document.activeElement)) return;
        editor.view.dispatch(editor.state.tr.setSelection(Selection.atEnd(editor.state.doc)).scrollIntoView());
        editor.view.focus();
      });
    },
    content: initialMarkdown,
    contentType: "markdown",
    extensions: [
      StarterKit.configure({
        heading: false,
        codeBlock: false,
        horizontalRule: false,
        underline: false,
        link: { openOnClick: false, autolink: true, defaultProtocol: "https", protocols: ["http", "https", "mailto"] },
      }),
      CommentMention,
      Markdown,
      Placeholder.configure({ placeholder: placeholder ?? "" }),
    ],
    editorProps: {
      attributes: {
        "aria-label": label,
        "aria-multiline": "true",
        role: "textbox",
        "data-placeholder": placeholder ?? "",
        class:
          "min-h-[4.5rem] max-h-64 overflow-y-auto px-3 py-2 text-sm leading-relaxed outline-none [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5 [&_a]:underline [&_p+p]:mt-2 [&_.suggestion]:rounded [&_.suggestion]:bg-stone-100 dark:[&_.suggestion]:bg-stone-800",
      },
      handleKeyDown: (view, event) => {
        if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
          onSubmit();
          return true;
        }
        if (event.key === "Escape") {
          // ProseMirror marks every Esc handled (default prevented), so one that is the editor's own stops
          // here: what is around the editor (the reader, which closes the card) never hears it.
          // While the member list is open, Esc is the list's: it closes it (the suggestion plugin handles it next).
          if (mentionSuggestionKey.getState(view.state)?.active) {
            event.stopPropagation();
            return false;
          }
          if (!onCancel) return false;
          event.stopPropagation();
          onCancel();
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor }) => onChange(editor.isEmpty ? "" : editor.getMarkdown()),
  });

  useEffect(() => {
    if (!editor) return;
    membersByEditor.set(editor, members ?? []);
  }, [editor, members]);

  useEffect(() => {
    if (editor && !editor.isDestroyed && focusSignal > 0) editor.commands.focus("end");
  }, [editor, focusSignal]);

  const active = useEditorState({
    editor,
    selector: ({ editor }) => ({
      bold: editor?.isActive("bold") ?? false,
      italic: editor?.isActive("italic") ?? false,
      link: editor?.isActive("link") ?? false,
      bullet: editor?.isActive("bulletList") ?? false,
      ordered: editor?.isActive("orderedList") ?? false,
    }),
  });

  return (
    <div className="rounded-md border border-stone-300 bg-white focus-within:border-amber-600 focus-within:outline-2 focus-within:outline-amber-600/30 dark:border-stone-700 dark:bg-stone-950">
      <div
        role="toolbar"
        aria-label="Formatting"
        className="flex items-center gap-0.5 border-b border-stone-200 px-1 py-1 dark:border-stone-800"
      >
        <button
          type="button"
          className={`${toolButton} font-bold`}
          aria-label="Bold"
          aria-pressed={active?.bold}
          onClick={() => editor?.chain().focus().toggleBold().run()}
        >
          B
        </button>
        <button
          type="button"
          className={`${toolButton} italic`}
          aria-label="Italic"
          aria-pressed={active?.italic}
          onClick={() => editor?.chain().focus().toggleItalic().run()}
        >
          I
        </button>
        <button
          type="button"
          className={toolButton}
          aria-label="Link"
          aria-pressed={active?.link}
          aria-expanded={linkOpen}
          onClick={() => setLinkOpen((o) => !o)}
        >
          <Icon d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
        </button>
        <button
          type="button"
          className={toolButton}
          aria-label="Bulleted list"
          aria-pressed={active?.bullet}
          onClick={() => editor?.chain().focus().toggleBulletList().run()}
        >
          <Icon d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" />
        </button>
        <button
          type="button"
          className={toolButton}
          aria-label="Numbered list"
          aria-pressed={active?.ordered}
          onClick={() => editor?.chain().focus().toggleOrderedList().run()}
        >
          <Icon d="M10 6h10M10 12h10M10 18h10M4 4.5h1.5V9M4 9h3M4 14.5c.5-.7 2.5-.9 2.6.4.1 1-2.6 2.1-2.6 3.6h3" />
        </button>
      </div>
      {linkOpen && <LinkBox editor={editor} onClose={() => setLinkOpen(false)} />}
      <EditorContent editor={editor} />
    </div>
  );
}
