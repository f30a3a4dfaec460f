import { describe, expect, it } from "vitest";
import { importHtml } from "./import-html";
import { ImportError, MAX_HTML_BYTES, type ImportedPassage } from "./types";

const p = (kind: ImportedPassage["kind"], text: string, level: number | null = null): ImportedPassage => ({
  kind,
  level,
  text,
});

const PARAGRAPHS = [
  "Trade through the northern corridor fell by half between 2018 and 2023, while the southern ports grew faster than at any time since the war, according to customs records gathered for this report.",
  "Traders who had used the same routes for decades moved their goods within months, often through partners they had never worked with, and prices in the capital's markets rose by about a fifth.",
  "The government's own figures show the change more slowly, because they count goods where they are declared rather than where they travel, which hides the new routes for a year or more.",
];

const NEWS_PAGE = `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>How sanctions moved trade routes | Regional Review</title>
  <meta property="og:site_name" content="Regional Review">
  <meta property="og:title" content="How sanctions moved trade routes">
  <meta name="author" content="Jane Doe and John Roe">
  <meta property="article:published_time" content="2023-03-21T09:30:00+03:00">
  <script>window.analytics = { track() {} };</script>
  <style>.ad { float: right }</style>
</head>
<body>
  <header class="site-header"><a href="/">Regional Review</a>
    <nav><ul><li><a href="/politics">Politics</a></li><li><a href="/economy">Economy</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
  </header>
  <div class="ad-banner sponsor"><p>Advertisement: subscribe to our newsletter for only $1 a week and win a prize.</p></div>
  <main>
    <article>
      <h1>How sanctions moved trade routes</h1>
      <p class="byline">By Jane Doe and John Roe</p>
      ${PARAGRAPHS.slice(0, 2)
        .map((text) => `<p>${text}</p>`)
        .join("\n      ")}
      <h2>What the figures miss</h2>
      <p>${PARAGRAPHS[2]}</p>
      <blockquote><p>Trade always finds a way.</p></blockquote>
    </article>
    <aside class="related"><h3>Related</h3><ul><li><a href="/a">Another story about ports</a></li></ul></aside>
  </main>
  <div class="comments"><h3>Comments</h3><p>Great article! Visit my site for cheap flights.</p></div>
  <footer class="site-footer"><p>© 2023 Regional Review. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>`;

describe("importHtml", () => {
  it("keeps only the article's passages and reads the page's metadata", async () => {
    const report = await importHtml(NEWS_PAGE, { url: "https://review.example/2023/03/trade-routes" });
    expect(report.title).toBe("How sanctions moved trade routes");
    expect(report.passages).toEqual([
      p("paragraph", PARAGRAPHS[0]),
      p("paragraph", PARAGRAPHS[1]),
      p("heading", "What the figures miss", 2),
      p("paragraph", PARAGRAPHS[2]),
      p("quote", "Trade always finds a way."),
    ]);
    expect(report.authors).toEqual(["Jane Doe", "John Roe"]);
    expect(report.publisher).toBe("Regional Review");
    expect(report.publishedAt).toBe("2023-03-21");
    expect(report.language).toBe("en");
    expect(report.sourceUrl).toBe("https://review.example/2023/03/trade-routes");
  });

  it("reads the date from a <time> element when the head gives none", async () => {
    const html = NEWS_PAGE.replace(/<meta property="article:published_time"[^>]*>/, "").replace(
      '<p class="byline">',
      '<p class="byline"><time datetime="2022-11-05">5 Nov</time> ',
    );
    const report = await importHtml(html);
    expect(report.publishedAt).toBe("2022-11-05");
    expect(report.sourceUrl).toBeNull();
  });

  it("reads the whole body when no article stands out", async () => {
    const report = await importHtml("<html><body><p>Short note.</p><p>Second line.</p></body></html>");
    expect(report.passages).toEqual([p("paragraph", "Short note."), p("paragraph", "Second line.")]);
    expect(report.language).toBeNull();
  });

  it("keeps Arabic text intact and reads its language", async () => {
    const arabic = [
      "شهدت التجارة عبر الممر الشمالي انخفاضاً بمقدار النصف بين عامي ٢٠١٨ و٢٠٢٣، بينما نمت الموانئ الجنوبية بسرعة لم تشهدها منذ سنوات طويلة، وفقاً لسجلات الجمارك التي جُمعت لهذا التقرير.",
      "نقل التجار الذين استخدموا الطرق نفسها لعقود بضائعهم خلال أشهر قليلة، وغالباً عبر شركاء لم يتعاملوا معهم من قبل، وارتفعت الأسعار في أسواق العاصمة بنحو الخُمس.",
      "تُظهر الأرقام الحكومية هذا التغيير ببطء أكبر، لأنها تحسب البضائع حيث يُصرَّح بها لا حيث تمر، مما يخفي الطرق الجديدة لمدة عام أو أكثر.",
    ];
    const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>التجارة بعد العقوبات</title></head>
      <body><nav><a href="/">الرئيسية</a></nav><article><h1>التجارة بعد العقوبات</h1>${arabic.map((text) => `<p>${text}</p>`).join("")}</article></body></html>`;
    const report = await importHtml(html);
    expect(report.language).toBe("ar");
    expect(report.title).toBe("التجارة بعد العقوبات");
    expect(report.passages).toEqual(arabic.map((text) => p("paragraph", text.normalize("NFC"))));
  });

  it("refuses HTML larger than 10 MB", async () => {
    const html = `<html><body><p>${"a".repeat(MAX_HTML_BYTES)}</p></body></html>`;
    const error = await importHtml(html).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).reason).toBe("too_large");
  });

  it("refuses a page with no text", async () => {
    const error = await importHtml("<html><body><nav><a href='/'>Home</a></nav><img src='x.png'></body></html>").catch((e: unknown) => e);
    expect((error as ImportError).reason).toBe("no_passages");
  });

  it("does not run the page's scripts", async () => {
    const html = `<html><body><p>Static text.</p><script>document.body.innerHTML = "<p>Injected by a script.</p>";</script></body></html>`;
    const report = await importHtml(html);
    expect(report.passages).toEqual([p("paragraph", "Static text.")]);
  });
});

describe("importHtml titles and bylines", () => {
  it("never takes a file name, an address or a browser placeholder as the title", async () => {
    for (const title of ["New Tab", "report_final_v3.docx", "https://example.org/report", "Untitled"]) {
      const report = await importHtml(
        `<html><head><title>${title}</title></head><body><article><h2>Water Prices</h2><p>Tariffs rose sharply in three governorates this spring, the ministry said.</p></article></body></html>`,
      );
      expect(report.title, title).toBe("Water Prices");
    }
  });

  it("reads a byline in the text and drops the footer chrome", async () => {
    const report = await importHtml(`<html><head><title>Water Prices</title></head><body><article>
      <h1>Water Prices</h1><p>By Rana Khalil and Thomas Berger</p><p>March 4, 2024</p>
      <p>Tariffs rose sharply in three governorates this spring, the ministry said on Monday.</p>
      <p>The poorest districts pay the most per cubic metre, according to the ministry's own figures.</p>
      <p>Subscribe to our newsletter</p></article></body></html>`);
    expect(report.authors).toEqual(["Rana Khalil", "Thomas Berger"]);
    expect(report.publishedAt).toBe("2024-03-04");
    expect(report.passages.map((p) => p.text)).toEqual([
      "Tariffs rose sharply in three governorates this spring, the ministry said on Monday.",
      "The poorest districts pay the most per cubic metre, according to the ministry's own figures.",
    ]);
  });
});
