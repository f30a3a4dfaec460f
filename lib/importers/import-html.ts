import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { htmlToPassages } from "./html-to-passages";
import { comparisonKey, utf8ByteLength } from "./normalize";
import { dropChromePassages } from "./page-chrome";
import {
  assertPassages,
  cleanField,
  isAccidentalTitle,
  parseDateValue,
  pickTitle,
  primaryLanguage,
  splitAuthors,
  takeFrontLines,
} from "./report-front";
import { ImportError, MAX_HTML_BYTES, type ImportedPassage, type ImportedReport } from "./types";

export interface ImportHtmlOptions {
  /** Where the page was fetched from: resolves its relative links and becomes the report's source. */
  url?: string;
}

/**
 * A web page, read as Firefox's reader view reads it (Readability): the article's passages
 * without navigation, ads or comments, and its metadata (title, authors, site, date,
 * language). When no article stands out, the whole body is read.
 *
 * jsdom runs no scripts and loads no images, styles or frames: only the string given is read.
 */
export async function importHtml(html: string, options: ImportHtmlOptions = {}): Promise<ImportedReport> {
  if (html.length > MAX_HTML_BYTES || (html.length * 3 > MAX_HTML_BYTES && utf8ByteLength(html) > MAX_HTML_BYTES)) {
    throw new ImportError(
      "too_large",
      "This web page is larger than 10 MB, more than one import can take. Save the article's text alone (for example with your browser's reader view) and import that.",
    );
  }
  const url = httpUrl(options.url);
  const virtualConsole = new VirtualConsole();
  const dom = new JSDOM(html, { url: url ?? undefined, virtualConsole });
  try {
    const document = dom.window.document;
    const meta = readMetadata(document);

    let article: ReturnType<Readability["parse"]> = null;
    try {
      // Readability changes the document it reads; the original stays for the fallback.
      article = new Readability(document.cloneNode(true) as Document, {
        classesToPreserve: ["footnote", "footnotes", "footnote-item", "footnote-ref", "footnote-back", "footnote-backref"],
      }).parse();
    } catch {
      article = null;
    }

    let passages: ImportedPassage[] = [];
    if (article?.content) {
      const content = new JSDOM(article.content, { virtualConsole });
      passages = htmlToPassages(content.window.document);
      content.window.close();
    }
    if (passages.length === 0) passages = htmlToPassages(document);
    passages = dropChromePassages(passages);

    // A page titled "New Tab", a file name or an address has no title of its own: its first heading is.
    const trusted = (value: string | null) => (value !== null && !isAccidentalTitle(value) ? value : null);
    let title = trusted(cleanField(article?.title)) ?? trusted(meta.title);
    let titlePassage = null;
    if (title !== null && passages[0]?.kind === "heading" && comparisonKey(passages[0].text) === comparisonKey(title)) {
      titlePassage = passages[0];
      passages = passages.slice(1);
    } else if (title === null) {
      ({ title, passages, titlePassage } = pickTitle(passages, null));
    }
    // Readability leaves the byline in the text when it took the authors from the head.
    const byline = bylineKey(article?.byline ?? meta.author);
    const bylineAt = passages.slice(0, 3).findIndex((passage) => passage.kind === "paragraph" && bylineKey(passage.text) === byline);
    if (byline !== "" && bylineAt !== -1) passages = passages.filter((_, i) => i !== bylineAt);
    // A byline or date line at the top leaves the text, unless it gives another date than the page's metadata.
    const front = takeFrontLines(passages);
    const metadataDate = parseDateValue(article?.publishedTime) ?? meta.publishedAt;
    if (metadataDate === null || front.publishedAt === null || front.publishedAt === metadataDate) passages = front.passages;
    assertPassages(
      passages,
      "No article text was found on this page. If the page needs a login or builds its text with scripts, copy the article's text and paste it instead.",
    );

    const authors = meta.citationAuthors.length > 0 ? meta.citationAuthors : splitAuthors(article?.byline ?? meta.author);
    return {
      title,
      titlePassage,
      publishedAt: metadataDate ?? front.publishedAt,
      passages,
      subtitle: null,
      authors: authors.length > 0 ? authors : front.authors,
      publisher: cleanField(article?.siteName) ?? meta.publisher,
      language: meta.language ?? primaryLanguage(article?.lang),
      sourceUrl: options.url ?? null,
    };
  } finally {
    dom.window.close();
  }
}

function bylineKey(text: string | null | undefined): string {
  return comparisonKey(text ?? "").replace(/^by\s+/, "");
}

function httpUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

interface PageMetadata {
  title: string | null;
  author: string | null;
  /** Scholarly pages list one author per citation_author tag, often as "Doe, Jane". */
  citationAuthors: string[];
  publisher: string | null;
  publishedAt: string | null;
  language: string | null;
}

/** What the page's head says about it, read before Readability rearranges the document. */
function readMetadata(document: Document): PageMetadata {
  const metas = Array.from(document.querySelectorAll("meta"));
  const metaContent = (...names: string[]): string | null => {
    for (const name of names) {
      const meta = metas.find(
        (candidate) =>
          (
            candidate.getAttribute("property") ??
            candidate.getAttribute("name") ??
            candidate.getAttribute("itemprop") ??
            candidate.getAttribute("http-equiv") ??
            ""
          ).toLowerCase() === name,
      );
      const content = cleanField(meta?.getAttribute("content"));
      if (content !== null) return content;
    }
    return null;
  };
  const timeElement = document.querySelector("article time[datetime], main time[datetime]") ?? document.querySelector("time[datetime]");
  const publishedAt =
    parseDateValue(
      metaContent(
        "article:published_time",
        "citation_publication_date",
        "citation_date",
        "dc.date.issued",
        "dc.date",
        "date",
        "datepublished",
      ),
    ) ??
    parseDateValue(document.querySelector("[itemprop='datePublished']")?.getAttribute("datetime")) ??
    parseDateValue(timeElement?.getAttribute("datetime"));
  const citationAuthors = metas
    .filter((meta) => meta.getAttribute("name")?.toLowerCase() === "citation_author")
    .map((meta) => cleanField(meta.getAttribute("content")))
    .filter((name): name is string => name !== null);
  return {
    title: metaContent("citation_title", "og:title", "twitter:title") ?? cleanField(document.title),
    author: metaContent("author", "article:author", "dc.creator"),
    citationAuthors: [...new Set(citationAuthors)],
    publisher: metaContent("og:site_name", "citation_publisher", "dc.publisher", "application-name"),
    publishedAt,
    language:
      primaryLanguage(document.documentElement.getAttribute("lang")) ??
      primaryLanguage(document.documentElement.getAttribute("xml:lang")) ??
      primaryLanguage(metaContent("content-language", "og:locale", "dc.language")),
  };
}
