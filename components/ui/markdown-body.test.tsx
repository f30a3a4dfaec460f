// @vitest-environment node
import { describe, it, expect } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { MarkdownBody } from "./markdown-body";

const render = (markdown: string, className?: string) => renderToStaticMarkup(<MarkdownBody markdown={markdown} className={className} />);

describe("MarkdownBody", () => {
  it("renders bold, italic, strikethrough and code", () => {
    const html = render("**b** *i* ~~d~~ `c`");
    expect(html).toMatch(/<strong[^>]*>b<\/strong>/);
    expect(html).toMatch(/<em[^>]*>i<\/em>/);
    expect(html).toMatch(/<del[^>]*>d<\/del>/);
    expect(html).toMatch(/<code[^>]*>c<\/code>/);
  });

  it("escapes raw HTML instead of rendering it", () => {
    const html = render("<img src=x onerror=alert(1)>");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
  });

  it("never emits script tags", () => {
    const html = render("<script>alert(1)</script>\n\ninline <script>alert(2)</script>");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("never emits javascript:, data: or protocol-relative links", () => {
    const html = render("[a](javascript:alert(1)) [b]( JaVaScRiPt:alert(1)) [c](data:text/html,x) [d](//evil.example)");
    expect(html.toLowerCase()).not.toContain("javascript:");
    expect(html).not.toContain("data:");
    expect(html).not.toContain("evil.example");
    expect(html).not.toContain("<a");
    expect(html).toContain("a b c d");
  });

  it("shows an unsafe autolink as inert text", () => {
    const html = render("<javascript:alert(1)>");
    expect(html).not.toContain("<a");
    expect(html).not.toContain("href");
    expect(html).toContain("javascript:alert(1)");
  });

  it("renders safe links; external ones open in a new tab with rel", () => {
    const html = render("[r](https://example.org/x?a=1&b=2) and [p](/docs/1#p-2)");
    expect(html).toContain('href="https://example.org/x?a=1&amp;b=2"');
    expect(html).toContain('target="_blank"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toMatch(/<a href="\/docs\/1#p-2" class="[^"]*">p<\/a>/);
  });

  it("shows images as alt text, loading nothing", () => {
    const html = render("![a chart](https://evil.example/pixel.png)");
    expect(html).toContain("a chart");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("pixel.png");
  });

  it("escapes text and decodes entities once", () => {
    const html = render("a < b & c &amp; d");
    expect(html).toContain("a &lt; b &amp; c &amp; d");
    expect(html).not.toContain("&amp;amp;");
  });

  it("renders lists, quotes, code blocks and rules", () => {
    const html = render("- a\n  1. b\n\n> q\n\n```\n<x>\n```\n\n---");
    expect(html).toContain("<ul");
    expect(html).toContain("<ol");
    expect(html).toContain("<li");
    expect(html).toContain("<blockquote");
    expect(html).toMatch(/<pre[^>]*><code>&lt;x&gt;<\/code><\/pre>/);
    expect(html).toContain("<hr");
  });

  it("passes the start number of ordered lists", () => {
    expect(render("3. c\n4. d")).toContain('start="3"');
    expect(render("1. a")).not.toContain("start=");
  });

  it("renders headings as bold paragraphs, not document headings", () => {
    const html = render("# Big\n\n## Smaller");
    expect(html).not.toMatch(/<h[1-6]/);
    expect(html).toMatch(/<p dir="auto" class="font-semibold">Big<\/p>/);
  });

  it("marks every block dir=auto for right-to-left text", () => {
    const html = render("مرحبا **بالعالم**\n\n- שלום\n\n> اقتباس");
    expect(html).toContain('<p dir="auto">مرحبا <strong class="font-semibold">بالعالم</strong></p>');
    expect(html).toMatch(/<ul dir="auto"/);
    expect(html).toMatch(/<li dir="auto"/);
    expect(html).toMatch(/<blockquote dir="auto"/);
  });

  it("renders hard line breaks as <br>", () => {
    expect(render("one  \ntwo")).toContain("one<br/>two");
  });

  it("appends the given className", () => {
    const html = render("x", "mt-4 custom");
    expect(html).toMatch(/^<div class="[^"]*mt-4 custom"/);
  });

  it("renders nothing but the wrapper for an empty body", () => {
    expect(render("")).toMatch(/^<div class="[^"]*"><\/div>$/);
  });

  it("renders a mention as an inert chip with its id", () => {
    const html = render('Ask [@ id="u1" label="Layla Mansour"] now');
    expect(html).toMatch(/Ask <span dir="auto" class="[^"]*bg-amber-100[^"]*" data-mention-id="u1">@Layla Mansour<\/span> now/);
    expect(html).not.toContain("<a");
    expect(html).not.toContain("[@");
  });

  it("renders mentions in lists and with Arabic names", () => {
    const html = render('- [@ id="u2" label="ليلى منصور"] شكرا');
    expect(html).toMatch(/<li[^>]*><p dir="auto"><span dir="auto" class="[^"]*" data-mention-id="u2">@ليلى منصور<\/span> شكرا<\/p><\/li>/);
  });

  it("escapes a mention label that looks like HTML", () => {
    const html = render('[@ id="u3" label="<img src=x onerror=alert(1)>"]');
    expect(html).toContain('data-mention-id="u3">@&lt;img src=x onerror=alert(1)&gt;</span>');
    expect(html).not.toContain("<img");
  });

  it("escapes quotes in a mention id attribute", () => {
    const html = render(`[@ id='a"onmouseover="x' label="L"]`);
    expect(html).toContain('data-mention-id="a&quot;onmouseover=&quot;x"');
    expect(html).not.toMatch(/ onmouseover=/);
  });

  it("leaves a mention shortcode in a code span as code", () => {
    const html = render('`[@ id="u1" label="L"]`');
    expect(html).not.toContain("data-mention-id");
    expect(html).toMatch(/<code[^>]*>\[@ id=&quot;u1&quot; label=&quot;L&quot;\]<\/code>/);
  });
});
