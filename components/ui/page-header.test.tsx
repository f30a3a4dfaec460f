// @vitest-environment node
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { PageHeader } from "./page-header";

describe("PageHeader", () => {
  it("links back with an arrow before the label, then gives the page its one h1", () => {
    const html = renderToStaticMarkup(<PageHeader back={{ href: "/w/water-desk", label: "Water desk" }} title="Members" />);
    expect(html).toMatch(/<a [^>]*href="\/w\/water-desk"[^>]*>← Water desk<\/a>/);
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toMatch(/<h1 class="mt-3 [^"]*">Members<\/h1>/);
    expect(html.indexOf("<a ")).toBeLessThan(html.indexOf("<h1"));
  });

  it("without a way back, starts with the h1 and no gap above it", () => {
    const html = renderToStaticMarkup(<PageHeader title="Notifications" />);
    expect(html).not.toContain("<a ");
    expect(html).toMatch(/<h1 class="font-serif [^"]*">Notifications<\/h1>/);
  });

  it("lays the report's title out by its own direction, after the h1, and the description after that", () => {
    const html = renderToStaticMarkup(<PageHeader title="Claims" subtitle="تقرير المياه" description="What this page is for." />);
    expect(html).toMatch(/<\/h1><p dir="auto"[^>]*>تقرير المياه<\/p><p [^>]*>What this page is for\.<\/p>/);
  });
});
