/**
 * A .docx package written as a stream: word/document.xml deflated into the zip
 * as its paragraphs are written, then the parts that depend on them (the
 * hyperlinks' relationships, the numbered lists).
 *
 * Everything else — styles, theme, settings, fonts, document properties, the
 * content types and the document's root element and section — comes from
 * the `docx` library, packing a document with the same options and no
 * content, so the file looks exactly as one the library makes.
 */
import { Document, Packer, type ICharacterStyleOptions, type IParagraphStyleOptions } from "docx";
import { strFromU8, unzipSync } from "fflate";
import { escapeXml } from "./word-xml";
import { ZipStream } from "./zip-stream";

const HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
// What docx moves into `w:anchor`: a fragment of 1–255 characters.
const MAX_ANCHOR = 255;
const LEVELS = 9;

/**
 * The parts of the package the document's paragraphs add to as they are
 * written: relationships for hyperlinks, numbering for ordered lists.
 */
export class WordParts {
  private links = new Map<string, string>();
  private abstractIds = new Map<string, number>();
  private abstractXml: string[] = [];
  private numXml: string[] = [];
  private currentList = new Map<string, number>();
  private nextAbstractId: number;
  private nextNumId: number;

  /** Ids the package's own numbering (the bullet list, 1) already uses are skipped. */
  constructor(firstFreeAbstractId = 2, firstFreeNumId = 2) {
    this.nextAbstractId = firstFreeAbstractId;
    this.nextNumId = firstFreeNumId;
  }

  /** A link to a web address around `content`; a fragment goes to `w:anchor`, as docx writes it. */
  hyperlink(url: string, content: string): string {
    const hash = url.indexOf("#");
    const fragment = url.length - hash - 1;
    const [target, anchor] = hash > 0 && fragment > 0 && fragment <= MAX_ANCHOR ? [url.slice(0, hash), url.slice(hash + 1)] : [url, ""];
    let id = this.links.get(target);
    if (!id) {
      id = `rIdLink${this.links.size + 1}`;
      this.links.set(target, id);
    }
    const open = `<w:hyperlink w:history="1"${anchor ? ` w:anchor="${escapeXml(anchor)}"` : ""} r:id="${id}"`;
    return content ? `${open}>${content}</w:hyperlink>` : `${open}/>`;
  }

  /**
   * The numbering id of an ordered list at depth `level` counting from `start`:
   * a new one when the list `restart`s (its first item), else the one of the
   * list with that depth and start that was begun last.
   */
  orderedList(level: number, start: number, restart: boolean): number {
    const key = `${level}-${start}`;
    const current = this.currentList.get(key);
    if (!restart && current !== undefined) return current;
    let abstractId = this.abstractIds.get(key);
    if (abstractId === undefined) {
      abstractId = this.nextAbstractId++;
      this.abstractIds.set(key, abstractId);
      this.abstractXml.push(orderedAbstractNum(abstractId, level, start));
    }
    const numId = this.nextNumId++;
    const overrides = Array.from(
      { length: LEVELS },
      (_, l) => `<w:lvlOverride w:ilvl="${l}"><w:startOverride w:val="${l === level ? start : 1}"/></w:lvlOverride>`,
    );
    this.numXml.push(`<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides.join("")}</w:num>`);
    this.currentList.set(key, numId);
    return numId;
  }

  /** The package's numbering.xml with these lists added. */
  numberingXml(base: string): string {
    const firstNum = base.indexOf("<w:num ");
    const end = base.lastIndexOf("</w:numbering>");
    return base.slice(0, firstNum) + this.abstractXml.join("") + base.slice(firstNum, end) + this.numXml.join("") + base.slice(end);
  }

  /** The document's relationships with the hyperlinks added. */
  relationshipsXml(base: string): string {
    const end = base.lastIndexOf("</Relationships>");
    let links = "";
    for (const [target, id] of this.links)
      links += `<Relationship Id="${id}" Type="${HYPERLINK}" Target="${escapeXml(target)}" TargetMode="External"/>`;
    return base.slice(0, end) + links + base.slice(end);
  }
}

/** An ordered list's levels as docx writes a numbering definition of decimal levels "%1." … "%9.". */
function orderedAbstractNum(id: number, level: number, start: number): string {
  const levels = Array.from(
    { length: LEVELS },
    (_, l) =>
      `<w:lvl w:ilvl="${l}" w:tentative="1"><w:start w:val="${l === level ? start : 1}"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%${l + 1}."/><w:lvlJc w:val="left"/></w:lvl>`,
  );
  return `<w:abstractNum w:abstractNumId="${id}" w15:restartNumberingAfterBreak="0"><w:multiLevelType w:val="hybridMultilevel"/>${levels.join("")}</w:abstractNum>`;
}

export interface DocxOptions {
  title?: string;
  description?: string;
  creator?: string;
  /** The document defaults and styles, as docx's `styles` option takes them. */
  styles: {
    default?: { document?: { paragraph?: { spacing?: { after?: number } } } };
    paragraphStyles?: IParagraphStyleOptions[];
    characterStyles?: ICharacterStyleOptions[];
  };
}

const DOCUMENT = "word/document.xml";
const RELATIONSHIPS = "word/_rels/document.xml.rels";
const NUMBERING = "word/numbering.xml";

/** The package of an empty document with these options, part by part. */
async function emptyPackage(options: DocxOptions): Promise<Record<string, Uint8Array>> {
  const document = new Document({ ...options, sections: [{ children: [] }] });
  return unzipSync(new Uint8Array(await Packer.toBuffer(document)));
}

function maxId(xml: string, attribute: string): number {
  let max = 0;
  for (const m of xml.matchAll(new RegExp(`${attribute}="(\\d+)"`, "g"))) max = Math.max(max, Number(m[1]));
  return max;
}

/**
 * The .docx, compressed as it is written: `body(parts)` gives the body's
 * XML in pieces (the paragraphs and tables), using `parts` for its links and lists.
 */
export async function* docxPackage(options: DocxOptions, body: (parts: WordParts) => AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  const empty = await emptyPackage(options);
  const documentXml = strFromU8(empty[DOCUMENT]);
  const bodyAt = documentXml.indexOf("<w:body>") + "<w:body>".length;
  const sectionAt = documentXml.lastIndexOf("<w:sectPr");
  const numberingXml = strFromU8(empty[NUMBERING]);
  const parts = new WordParts(maxId(numberingXml, "w:abstractNumId") + 1, maxId(numberingXml, "w:numId") + 1);

  const zip = new ZipStream();
  try {
    const document = zip.entry(DOCUMENT);
    await document.write(documentXml.slice(0, bodyAt));
    for await (const piece of body(parts)) {
      await document.write(piece);
      yield* zip.take();
    }
    await document.write(documentXml.slice(sectionAt));
    document.end();
    zip.add(RELATIONSHIPS, parts.relationshipsXml(strFromU8(empty[RELATIONSHIPS])));
    zip.add(NUMBERING, parts.numberingXml(numberingXml));
    for (const [name, data] of Object.entries(empty)) {
      if (name !== DOCUMENT && name !== RELATIONSHIPS && name !== NUMBERING) zip.add(name, data);
    }
    yield* zip.finish();
  } finally {
    // Also when the reader went away before the end.
    zip.destroy();
  }
}
