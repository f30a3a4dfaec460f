"use client";

import { citationClipboardHtml, citationClipboardText, type AnnotationCitation } from "@/lib/domain/citations";

/**
 * Puts a citation on the clipboard as plain text and HTML (a ClipboardItem), or as
 * text alone where the browser cannot write HTML. The citation may still be on its
 * way: the clipboard write starts at once, inside the click that asked for it, and
 * waits for it (a browser allows a write only while the click's activation lasts).
 */
export async function copyCitation(citation: Promise<AnnotationCitation>): Promise<AnnotationCitation> {
  const clipboard = navigator.clipboard;
  if (clipboard && typeof ClipboardItem !== "undefined" && "write" in clipboard) {
    const blob = (type: string, make: (c: AnnotationCitation) => string) => citation.then((c) => new Blob([make(c)], { type }));
    try {
      await clipboard.write([
        new ClipboardItem({
          "text/plain": blob("text/plain", citationClipboardText),
          "text/html": blob("text/html", citationClipboardHtml),
        }),
      ]);
      return citation;
    } catch {
      // Some browsers refuse HTML or a pending item: plain text below.
    }
  }
  const done = await citation;
  if (clipboard?.writeText) {
    await clipboard.writeText(citationClipboardText(done));
    return done;
  }
  throw new Error("This browser does not let the page copy. Select the text and copy it yourself.");
}
