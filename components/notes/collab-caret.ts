import { Extension } from "@tiptap/core";
import { yCursorPlugin } from "@tiptap/y-tiptap";
import type { Awareness } from "y-protocols/awareness";

/**
 * Other people's carets and selections in co-edited notes, each with the
 * person's name above it in their colour (styled in app/globals.css). The
 * awareness state carries `user: { name, color }`, set by the session.
 */
export const CollabCaret = Extension.create<{ awareness: Awareness | null }>({
  name: "collabCaret",

  addOptions() {
    return { awareness: null };
  },

  addProseMirrorPlugins() {
    const { awareness } = this.options;
    return awareness ? [yCursorPlugin(awareness, { cursorBuilder: caret })] : [];
  },
});

function caret(user: { name?: unknown; color?: unknown }): HTMLElement {
  const color = typeof user.color === "string" && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : "#57534e";
  const element = document.createElement("span");
  element.className = "collab-caret";
  element.style.borderColor = color;
  element.setAttribute("aria-hidden", "true");
  const label = document.createElement("span");
  label.className = "collab-caret-label";
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === "string" ? user.name.slice(0, 60) : "Someone";
  element.append(label);
  return element;
}
