import type { ReactNode } from "react";
import { markdownToBlocks, mentionText, safeHref, type Block, type Inline } from "@/lib/markdown/to-blocks";

/**
 * Renders a user-written Markdown body (annotation, reply) as React elements.
 *
 * User text only ever reaches the DOM as React text children, never as HTML:
 * the Markdown is lexed into a closed model (see lib/markdown/to-blocks.ts)
 * where raw HTML is plain text, images are their alt text and unsafe links are
 * dropped. Mentions are inert chips (not links): the label is the author's
 * text, so it is shown as text and nothing else. No hooks, so it works in
 * server and client components alike.
 */
/** Lexed bodies by their text: a long sidebar renders the same cards again and again as it scrolls. */
const lexed = new Map<string, Block[]>();
const LEXED_MAX = 2_000;

function blocksOf(markdown: string): Block[] {
  let blocks = lexed.get(markdown);
  if (!blocks) {
    blocks = markdownToBlocks(markdown);
    if (lexed.size >= LEXED_MAX) lexed.delete(lexed.keys().next().value!);
    lexed.set(markdown, blocks);
  }
  return blocks;
}

export function MarkdownBody({ markdown, className }: { markdown: string; className?: string }) {
  const blocks = blocksOf(markdown);
  return (
    <div
      className={["space-y-2 text-sm leading-relaxed break-words text-gray-900 dark:text-gray-100", className].filter(Boolean).join(" ")}
    >
      {renderBlocks(blocks)}
    </div>
  );
}

const LINK_CLASS =
  "text-blue-700 underline underline-offset-2 decoration-blue-700/40 hover:decoration-current " +
  "dark:text-blue-300 dark:decoration-blue-300/40";

/** Amber tint, medium weight; amber-900 on amber-100 and amber-200 on a dark amber wash are both well above AA. */
const MENTION_CLASS =
  "rounded bg-amber-100 px-1 font-medium text-amber-900 box-decoration-clone " + "dark:bg-amber-400/15 dark:text-amber-200";

function renderBlocks(blocks: Block[]): ReactNode[] {
  return blocks.map((block, i) => renderBlock(block, i));
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.type) {
    case "paragraph":
      return (
        <p key={key} dir="auto">
          {renderInlines(block.children)}
        </p>
      );
    case "heading":
      // Bodies are short comments: no document headings, just an emphasised line.
      return (
        <p key={key} dir="auto" className="font-semibold">
          {renderInlines(block.children)}
        </p>
      );
    case "quote":
      return (
        <blockquote
          key={key}
          dir="auto"
          className="space-y-2 border-s-2 border-gray-300 ps-3 text-gray-700 dark:border-gray-600 dark:text-gray-300"
        >
          {renderBlocks(block.children)}
        </blockquote>
      );
    case "list": {
      const items = block.items.map((item, j) => (
        <li key={j} dir="auto" className="space-y-1 ps-0.5">
          {renderBlocks(item)}
        </li>
      ));
      return block.ordered ? (
        <ol
          key={key}
          dir="auto"
          start={block.start !== undefined && block.start !== 1 ? block.start : undefined}
          className="list-decimal space-y-1 ps-5 marker:text-gray-500 dark:marker:text-gray-400"
        >
          {items}
        </ol>
      ) : (
        <ul key={key} dir="auto" className="list-disc space-y-1 ps-5 marker:text-gray-500 dark:marker:text-gray-400">
          {items}
        </ul>
      );
    }
    case "code":
      return (
        <pre
          key={key}
          dir="auto"
          className="overflow-x-auto rounded-md bg-gray-100 px-3 py-2 font-mono text-[0.8125rem] leading-snug whitespace-pre text-gray-900 dark:bg-gray-800 dark:text-gray-100"
        >
          <code>{block.text}</code>
        </pre>
      );
    case "rule":
      return <hr key={key} className="my-3 border-gray-200 dark:border-gray-700" />;
    default:
      return null;
  }
}

function renderInlines(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => renderInline(node, i));
}

function renderInline(node: Inline, key: number): ReactNode {
  switch (node.type) {
    case "text":
      return node.text;
    case "strong":
      return (
        <strong key={key} className="font-semibold">
          {renderInlines(node.children)}
        </strong>
      );
    case "em":
      return (
        <em key={key} className="italic">
          {renderInlines(node.children)}
        </em>
      );
    case "del":
      return (
        <del key={key} className="line-through">
          {renderInlines(node.children)}
        </del>
      );
    case "code":
      return (
        <code
          key={key}
          className="rounded bg-gray-100 px-1 py-0.5 font-mono text-[0.9em] text-gray-900 dark:bg-gray-800 dark:text-gray-100"
        >
          {node.text}
        </code>
      );
    case "break":
      return <br key={key} />;
    case "mention":
      // dir="auto" isolates the name, so an Arabic name in an English sentence (or the reverse) reads right.
      return (
        <span key={key} dir="auto" className={MENTION_CLASS} data-mention-id={node.id}>
          {mentionText(node)}
        </span>
      );
    case "link": {
      // The model only holds safe hrefs; check again in case a model was built elsewhere.
      const href = safeHref(node.href);
      if (href === null) return <span key={key}>{renderInlines(node.children)}</span>;
      const external = /^https?:/i.test(href);
      return (
        <a key={key} href={href} className={LINK_CLASS} {...(external ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})}>
          {renderInlines(node.children)}
        </a>
      );
    }
    default:
      return null;
  }
}
