import { getSchema, type JSONContent } from "@tiptap/core";
import { MarkdownManager } from "@tiptap/markdown";
import type { Schema } from "@tiptap/pm/model";
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { NOTES_FIELD, notesExtensions } from "./notes-schema";

/**
 * The team notes as Markdown (what the API, the exports and the plain editor
 * speak) and as a Yjs document (what co-editing speaks), converted with the
 * editor's own schema and Markdown rules. Pure: data in, data out.
 */

let cached: { schema: Schema; markdown: MarkdownManager } | null = null;
function model() {
  cached ??= (() => {
    const extensions = notesExtensions();
    return { schema: getSchema(extensions), markdown: new MarkdownManager({ extensions }) };
  })();
  return cached;
}

const EMPTY_DOC: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

export function markdownToNotesJSON(markdown: string): JSONContent {
  const json = model().markdown.parse(markdown);
  return json.content?.length ? json : EMPTY_DOC;
}

export function notesJSONToMarkdown(json: JSONContent): string {
  const blocks = json.content ?? [];
  // An empty document is one empty paragraph to ProseMirror and "" to everyone else.
  if (blocks.length === 0 || (blocks.length === 1 && blocks[0].type === "paragraph" && !blocks[0].content?.length)) return "";
  return model().markdown.serialize(json).trim();
}

export const notesFragment = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(NOTES_FIELD);

/** Writes Markdown into an empty notes document (the first time a document is co-edited). */
export function seedNotesDoc(doc: Y.Doc, markdown: string): void {
  const { schema } = model();
  const fragment = notesFragment(doc);
  doc.transact(() => {
    prosemirrorJSONToYXmlFragment(schema, markdownToNotesJSON(markdown), fragment);
  });
}

/** A new Y.Doc holding the given Markdown. */
export function notesDocFromMarkdown(markdown: string): Y.Doc {
  const doc = new Y.Doc();
  seedNotesDoc(doc, markdown);
  return doc;
}

export function notesDocToMarkdown(doc: Y.Doc): string {
  const { schema } = model();
  return notesJSONToMarkdown(yXmlFragmentToProseMirrorRootNode(notesFragment(doc), schema).toJSON());
}

/**
 * Makes the document say `markdown`, changing only the blocks that differ, and
 * returns that change as a Yjs update (empty when nothing changed). Concurrent
 * edits elsewhere in the document survive the merge.
 */
export function replaceNotesMarkdown(doc: Y.Doc, markdown: string): Uint8Array | null {
  const { schema } = model();
  const fragment = notesFragment(doc);
  const before = Y.encodeStateVector(doc);
  const { meta } = initProseMirrorDoc(fragment, schema);
  const next = schema.nodeFromJSON(markdownToNotesJSON(markdown));
  updateYFragment(doc, fragment, next, meta);
  const update = Y.encodeStateAsUpdate(doc, before);
  return hasChanges(update) ? update : null;
}

/** An update with no structs and no deletions (what encodeStateAsUpdate gives when nothing changed). */
function hasChanges(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length > 0 || ds.clients.size > 0;
}
