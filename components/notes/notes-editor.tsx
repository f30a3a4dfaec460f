"use client";

import type { Editor } from "@tiptap/core";
import { Collaboration } from "@tiptap/extension-collaboration";
import { Markdown } from "@tiptap/markdown";
import { Placeholder } from "@tiptap/extensions";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { useEffect, useState } from "react";
import { createMentionExtension } from "@/components/annotations/comment-editor";
import { LinkBox } from "@/components/annotations/link-box";
import { Icon, toolButton } from "@/components/annotations/toolbar-button";
import type { MentionMember } from "@/components/annotations/mention-list";
import { NOTES_FIELD, notesExtensions } from "@/lib/collab/notes-schema";
import { CollabCaret } from "./collab-caret";
import type { CollabSession } from "./collab-session";

interface Props {
  /** The plain editor's content; a co-edited one takes it from `collab`. */
  initialMarkdown?: string;
  members: MentionMember[];
  onChange?: (markdown: string) => void;
  onEditor: (editor: Editor | null) => void;
  /** Cmd/Ctrl-S: save now. */
  onSaveNow?: () => void;
  /** Co-editing: the document comes from (and goes to) the session's Yjs document. */
  collab?: CollabSession;
  readOnly?: boolean;
}

const membersByEditor = new WeakMap<Editor, readonly MentionMember[]>();

const NotesMention = createMentionExtension((editor) => membersByEditor.get(editor) ?? []);

/** The prose styles of the notes: a document, set like the reader's text but smaller. */
export const NOTES_PROSE =
  "font-serif text-[0.95rem] leading-relaxed [&_h2]:mt-4 [&_h2]:font-sans [&_h2]:text-base [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:font-sans [&_h3]:text-sm [&_h3]:font-semibold [&_h4]:font-sans [&_h4]:text-sm [&_h4]:font-semibold [&_p+p]:mt-2 [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-5 [&_blockquote]:my-3 [&_blockquote]:border-l-4 [&_blockquote]:border-amber-300 [&_blockquote]:pl-3 [&_blockquote]:text-stone-700 [&_blockquote]:italic dark:[&_blockquote]:border-amber-700 dark:[&_blockquote]:text-stone-300 [&_a]:underline [&_a]:underline-offset-2 [&_code]:rounded [&_code]:bg-stone-100 [&_code]:px-1 dark:[&_code]:bg-stone-800";

/** The team notes' rich-text editor: headings, lists, quotes, links, bold, italic and @mentions; it speaks Markdown. */
export function NotesEditor({ initialMarkdown = "", members, onChange, onEditor, onSaveNow, collab, readOnly = false }: Props) {
  const [linkOpen, setLinkOpen] = useState(false);
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: !readOnly,
      ...(collab ? {} : { content: initialMarkdown, contentType: "markdown" as const }),
      extensions: [
        ...notesExtensions({ mention: NotesMention, collaborative: !!collab }),
        Markdown,
        Placeholder.configure({ placeholder: "Write what the team concluded. Quote annotations into it from their cards." }),
        ...(collab
          ? [
              Collaboration.configure({ document: collab.doc, field: NOTES_FIELD }),
              CollabCaret.configure({ awareness: collab.provider.awareness }),
            ]
          : []),
      ],
      editorProps: {
        attributes: {
          "aria-label": "Team notes",
          "aria-multiline": "true",
          role: "textbox",
          "aria-readonly": readOnly ? "true" : "false",
          "data-testid": "notes-editor",
          class: `min-h-[12rem] px-4 py-3 outline-none ${NOTES_PROSE} [&_.is-editor-empty:first-child::before]:pointer-events-none [&_.is-editor-empty:first-child::before]:float-left [&_.is-editor-empty:first-child::before]:h-0 [&_.is-editor-empty:first-child::before]:text-stone-400 [&_.is-editor-empty:first-child::before]:content-[attr(data-placeholder)]`,
        },
        handleKeyDown: (_view, event) => {
          if (event.key === "s" && (event.metaKey || event.ctrlKey)) {
            // Co-edited notes save themselves; either way the browser's "Save page" is not what was meant.
            event.preventDefault();
            onSaveNow?.();
            return true;
          }
          return false;
        },
      },
      onUpdate: ({ editor }) => onChange?.(editor.isEmpty ? "" : editor.getMarkdown()),
    },
    // Losing access while co-editing makes the notes read-only: a new editor on the same document.
    [collab, readOnly],
  );

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  useEffect(() => {
    if (editor) membersByEditor.set(editor, members);
  }, [editor, members]);

  const active = useEditorState({
    editor,
    selector: ({ editor }) => ({
      h1: editor?.isActive("heading", { level: 1 }) ?? false,
      h2: editor?.isActive("heading", { level: 2 }) ?? false,
      bold: editor?.isActive("bold") ?? false,
      italic: editor?.isActive("italic") ?? false,
      link: editor?.isActive("link") ?? false,
      bullet: editor?.isActive("bulletList") ?? false,
      ordered: editor?.isActive("orderedList") ?? false,
      quote: editor?.isActive("blockquote") ?? false,
    }),
  });

  const chain = () => editor?.chain().focus();
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {!readOnly && (
        <div
          role="toolbar"
          aria-label="Formatting"
          className="flex flex-wrap items-center gap-0.5 border-b border-stone-200 px-2 py-1 dark:border-stone-800"
        >
          <button
            type="button"
            className={`${toolButton} text-xs font-semibold`}
            aria-label="Heading"
            aria-pressed={active?.h1}
            onClick={() => chain()?.toggleHeading({ level: 1 }).run()}
          >
            H1
          </button>
          <button
            type="button"
            className={`${toolButton} text-xs font-semibold`}
            aria-label="Subheading"
            aria-pressed={active?.h2}
            onClick={() => chain()?.toggleHeading({ level: 2 }).run()}
          >
            H2
          </button>
          <span aria-hidden="true" className="mx-1 h-4 w-px bg-stone-200 dark:bg-stone-700" />
          <button
            type="button"
            className={`${toolButton} font-bold`}
            aria-label="Bold"
            aria-pressed={active?.bold}
            onClick={() => chain()?.toggleBold().run()}
          >
            B
          </button>
          <button
            type="button"
            className={`${toolButton} italic`}
            aria-label="Italic"
            aria-pressed={active?.italic}
            onClick={() => chain()?.toggleItalic().run()}
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
          <span aria-hidden="true" className="mx-1 h-4 w-px bg-stone-200 dark:bg-stone-700" />
          <button
            type="button"
            className={toolButton}
            aria-label="Bulleted list"
            aria-pressed={active?.bullet}
            onClick={() => chain()?.toggleBulletList().run()}
          >
            <Icon d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" />
          </button>
          <button
            type="button"
            className={toolButton}
            aria-label="Numbered list"
            aria-pressed={active?.ordered}
            onClick={() => chain()?.toggleOrderedList().run()}
          >
            <Icon d="M10 6h10M10 12h10M10 18h10M4 4.5h1.5V9M4 9h3M4 14.5c.5-.7 2.5-.9 2.6.4.1 1-2.6 2.1-2.6 3.6h3" />
          </button>
          <button
            type="button"
            className={toolButton}
            aria-label="Quote"
            aria-pressed={active?.quote}
            onClick={() => chain()?.toggleBlockquote().run()}
          >
            <Icon d="M7 7h4v4c0 3-2 5-4 5M14 7h4v4c0 3-2 5-4 5" />
          </button>
        </div>
      )}
      {linkOpen && !readOnly && <LinkBox editor={editor} onClose={() => setLinkOpen(false)} allowRelative />}
      <EditorContent editor={editor} className="min-h-0 flex-1 overflow-y-auto" />
    </div>
  );
}
