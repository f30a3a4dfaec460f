/**
 * W3C Web Annotation (JSON-LD) export: one AnnotationCollection holding every annotation
 * and, right after each, its replies. Positions count code points over the whole report
 * text (passages joined with PASSAGE_SEPARATOR), as the model's TextPositionSelector does.
 * What the model has no word for (status, visibility, the ¶ number, a claim's stances
 * and who set its verdict) goes under the
 * `marginalia:` prefix, declared in a second @context entry, so our own importer can
 * restore it and other tools can ignore it.
 * https://www.w3.org/TR/annotation-model/
 */
import { codePointLength } from "@/lib/anchoring";
import type { AnnotationKindName, StanceName } from "@/lib/domain/words";
import { bodyForExport, originOf } from "./common";
import type { ExportWriter } from "./stream";
import { PASSAGE_SEPARATOR, type ExportAnnotation, type ExportHead, type ExportPassage, type ExportReply } from "./types";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

export type AnnotationMotivation = "highlighting" | "commenting" | "questioning" | "assessing";

export const KIND_MOTIVATION: Record<AnnotationKindName, AnnotationMotivation> = {
  highlight: "highlighting",
  comment: "commenting",
  question: "questioning",
  claim: "assessing",
};

/** Our extensions' namespace and `title` (Dublin Core), which anno.jsonld does not define. */
export interface ExtensionContext {
  marginalia: string;
  title: "http://purl.org/dc/terms/title";
}

export interface TextualBodyDoc {
  type: "TextualBody";
  value: string;
  purpose: "commenting" | "replying" | "tagging" | "describing" | "assessing";
  format?: "text/markdown";
}

export interface PersonDoc {
  type: "Person";
  name: string;
  /** SHA-1 of the lower-cased e-mail address, when we know it. */
  email_sha1?: string;
}

/** The report an annotation is on: the same object on every target. */
export interface ReportSourceDoc {
  id: string;
  type: "Text";
  title: string;
  language?: string;
  /** The report version the positions and quotes belong to. */
  "marginalia:version": number;
}

export interface TextQuoteSelectorDoc {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelectorDoc {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

/** One member's stance on a claim: who, which, why, and the evidence's address. */
export interface StanceDoc {
  type: "marginalia:Stance";
  creator: PersonDoc;
  /** When it was last taken or changed. */
  modified: string;
  "marginalia:stance": StanceName;
  /** Plain text. */
  "marginalia:note"?: string;
  /** A web address, or the place in the app the evidence points at. */
  "marginalia:evidence"?: string;
}

export interface AnnotationDoc {
  id: string;
  type: "Annotation";
  motivation: AnnotationMotivation;
  created: string;
  modified?: string;
  creator: PersonDoc;
  body?: TextualBodyDoc[];
  target: {
    type: "SpecificResource";
    source: ReportSourceDoc;
    selector: (TextQuoteSelectorDoc | TextPositionSelectorDoc)[];
  };
  "marginalia:passage": number;
  "marginalia:status": ExportAnnotation["status"];
  "marginalia:visibility": ExportAnnotation["visibility"];
  /** Claims only: who set the verdict (in the `assessing` body) and when, while someone has. */
  "marginalia:verdictSetBy"?: PersonDoc;
  "marginalia:verdictSetAt"?: string;
  /** Claims only, when stances were taken. */
  "marginalia:stances"?: StanceDoc[];
  /** Assigned threads only: to whom, and the due date ("YYYY-MM-DD"), when there is one. */
  "marginalia:assignee"?: PersonDoc;
  "marginalia:dueAt"?: string;
}

export interface ReplyDoc {
  id: string;
  type: "Annotation";
  motivation: "replying";
  created: string;
  modified?: string;
  creator: PersonDoc;
  body: [TextualBodyDoc];
  /** The id of the annotation replied to. */
  target: string;
}

export interface AnnotationCollectionDoc {
  "@context": [typeof ANNO_CONTEXT, ExtensionContext];
  id: string;
  type: "AnnotationCollection";
  label: string;
  /** Annotations in the collection, replies included. */
  total: number;
  generator: { id: string; type: "Software"; name: "Marginalia" };
  generated: string;
  first: { type: "AnnotationPage"; startIndex: 0; items: (AnnotationDoc | ReplyDoc)[] };
}

/** The namespace the `marginalia:` keys expand to. */
export function extensionNamespace(origin: string): string {
  return `${origin}/ns#`;
}

/** Where each ¶ starts in the whole report text, in code points. */
function passageStarts(passages: ExportPassage[]): Map<number, number> {
  const starts = new Map<number, number>();
  const separatorLength = codePointLength(PASSAGE_SEPARATOR);
  let offset = 0;
  for (const passage of passages) {
    starts.set(passage.index, offset);
    offset += codePointLength(passage.text) + separatorLength;
  }
  return starts;
}

function person(name: string, emailSha1: string | null): PersonDoc {
  return emailSha1 ? { type: "Person", name, email_sha1: emailSha1 } : { type: "Person", name };
}

function times(createdAt: Date, editedAt: Date | null): { created: string; modified?: string } {
  return editedAt ? { created: createdAt.toISOString(), modified: editedAt.toISOString() } : { created: createdAt.toISOString() };
}

function annotationBodies(annotation: ExportAnnotation, origin: string): TextualBodyDoc[] {
  const bodies: TextualBodyDoc[] = [];
  const text = bodyForExport(annotation.body, origin);
  if (text.trim() !== "") bodies.push({ type: "TextualBody", value: text, format: "text/markdown", purpose: "commenting" });
  for (const tag of annotation.tags) bodies.push({ type: "TextualBody", value: tag, purpose: "tagging" });
  if (annotation.kind === "claim") {
    if (annotation.claimSummary) bodies.push({ type: "TextualBody", value: annotation.claimSummary, purpose: "describing" });
    bodies.push({ type: "TextualBody", value: annotation.verdict, purpose: "assessing" });
  }
  return bodies;
}

/** A member's e-mail hash when the export knows it (they wrote an annotation in it). */
type EmailSha1Of = (userId: string) => string | null;

/** A claim's verdict-setter and stances, when it has them. */
function claimReasoning(annotation: ExportAnnotation, emailSha1Of: EmailSha1Of): Partial<AnnotationDoc> {
  if (annotation.kind !== "claim") return {};
  const out: Partial<AnnotationDoc> = {};
  if (annotation.verdictSetAt) {
    if (annotation.verdictSetBy)
      out["marginalia:verdictSetBy"] = person(annotation.verdictSetBy.name, emailSha1Of(annotation.verdictSetBy.id));
    out["marginalia:verdictSetAt"] = annotation.verdictSetAt.toISOString();
  }
  if (annotation.stances.length > 0) {
    out["marginalia:stances"] = annotation.stances.map((s) => ({
      type: "marginalia:Stance",
      creator: person(s.author.name, emailSha1Of(s.author.id)),
      modified: s.updatedAt.toISOString(),
      "marginalia:stance": s.stance,
      ...(s.note ? { "marginalia:note": s.note } : {}),
      ...(s.evidence ? { "marginalia:evidence": s.evidence.url } : {}),
    }));
  }
  return out;
}

function annotationDoc(
  annotation: ExportAnnotation,
  source: ReportSourceDoc,
  passageStart: number | undefined,
  origin: string,
  emailSha1Of: EmailSha1Of,
): AnnotationDoc {
  const selector: AnnotationDoc["target"]["selector"] = [
    { type: "TextQuoteSelector", exact: annotation.quote, prefix: annotation.prefix, suffix: annotation.suffix },
  ];
  // A passage missing from the list would give a wrong position; the quote alone still anchors.
  if (passageStart !== undefined) {
    selector.push({ type: "TextPositionSelector", start: passageStart + annotation.start, end: passageStart + annotation.end });
  }
  const bodies = annotationBodies(annotation, origin);
  return {
    id: `${origin}/api/v1/annotations/${annotation.id}`,
    type: "Annotation",
    motivation: KIND_MOTIVATION[annotation.kind],
    ...times(annotation.createdAt, annotation.editedAt),
    creator: annotation.importedCreator
      ? person(annotation.importedCreator, null)
      : person(annotation.author.name, annotation.author.emailSha1),
    ...(bodies.length > 0 ? { body: bodies } : {}),
    target: { type: "SpecificResource", source, selector },
    "marginalia:passage": annotation.passageIndex,
    "marginalia:status": annotation.status,
    "marginalia:visibility": annotation.visibility,
    ...(annotation.assignee ? { "marginalia:assignee": person(annotation.assignee.name, emailSha1Of(annotation.assignee.id)) } : {}),
    ...(annotation.assignee && annotation.dueAt ? { "marginalia:dueAt": annotation.dueAt } : {}),
    ...claimReasoning(annotation, emailSha1Of),
  };
}

function replyDoc(reply: ExportReply, annotationId: string, emailSha1: string | null, origin: string): ReplyDoc {
  return {
    id: `${origin}/api/v1/replies/${reply.id}`,
    type: "Annotation",
    motivation: "replying",
    ...times(reply.createdAt, reply.editedAt),
    creator: reply.importedCreator ? person(reply.importedCreator, null) : person(reply.author.name, emailSha1),
    body: [{ type: "TextualBody", value: bodyForExport(reply.body, origin), format: "text/markdown", purpose: "replying" }],
    target: annotationId,
  };
}

/** The collection's items for one annotation: the annotation, then its replies when they were asked for. */
function itemsOf(head: ExportHead, annotation: ExportAnnotation, context: ItemContext): (AnnotationDoc | ReplyDoc)[] {
  const emailSha1Of = (userId: string) => head.authorEmailSha1.get(userId) ?? null;
  const doc = annotationDoc(annotation, context.source, context.starts.get(annotation.passageIndex), context.origin, emailSha1Of);
  if (!head.includeReplies) return [doc];
  // Replies carry only the author's name; their e-mail hash is known where they also annotated.
  return [
    doc,
    ...annotation.replies.map((reply) => replyDoc(reply, doc.id, head.authorEmailSha1.get(reply.author.id) ?? null, context.origin)),
  ];
}

interface ItemContext {
  origin: string;
  source: ReportSourceDoc;
  starts: Map<number, number>;
}

function itemContext(head: ExportHead): ItemContext {
  const { report } = head;
  const source: ReportSourceDoc = {
    id: report.url,
    type: "Text",
    title: report.title,
    ...(report.language ? { language: report.language } : {}),
    "marginalia:version": report.version,
  };
  return { origin: originOf(report), source, starts: passageStarts(head.passages) };
}

function collection(head: ExportHead, items: (AnnotationDoc | ReplyDoc)[], total: number): AnnotationCollectionDoc {
  const { report } = head;
  const origin = originOf(report);
  return {
    "@context": [ANNO_CONTEXT, { marginalia: extensionNamespace(origin), title: "http://purl.org/dc/terms/title" }],
    id: `${report.url}/annotations`,
    type: "AnnotationCollection",
    label: `Annotations on “${report.title}”`,
    total,
    generator: { id: origin, type: "Software", name: "Marginalia" },
    generated: head.exportedAt.toISOString(),
    first: { type: "AnnotationPage", startIndex: 0, items },
  };
}

// JSON.stringify(…, null, 2) puts the items of `first` three levels in.
const ITEM_INDENT = "\n      ";

/**
 * The collection as a writer of exactly the text `JSON.stringify(collection, null, 2)`
 * would give, an item at a time: the shell around the items is the collection with
 * none, and `total` is known beforehand from the head's counts.
 */
export function jsonLdWriter(head: ExportHead): ExportWriter {
  const context = itemContext(head);
  const shell = JSON.stringify(collection(head, [], head.annotationCount + head.replyCount), null, 2);
  // `first` is the last key and `items` its last: nothing in a string value can look like this unescaped.
  const at = shell.lastIndexOf('"items": []') + '"items": ['.length;
  let written = 0;
  return {
    start: () => shell.slice(0, at),
    annotation(annotation) {
      let piece = "";
      for (const item of itemsOf(head, annotation, context)) {
        piece += (written++ === 0 ? ITEM_INDENT : `,${ITEM_INDENT}`) + JSON.stringify(item, null, 2).replace(/\n/g, ITEM_INDENT);
      }
      return piece;
    },
    end: () => (written > 0 ? "\n    " : "") + shell.slice(at),
  };
}
