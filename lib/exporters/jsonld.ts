/**
 * W3C Web Annotation (JSON-LD) export: one AnnotationCollection holding every annotation
 * and, right after each, its replies. Positions count code points over the whole report
 * text (passages joined with PASSAGE_SEPARATOR), as the model's TextPositionSelector does.
 * What the model has no word for (status, visibility, the ¶ number) goes under the
 * `marginalia:` prefix, declared in a second @context entry, so our own importer can
 * restore it and other tools can ignore it.
 * https://www.w3.org/TR/annotation-model/
 */
import { codePointLength } from "@/lib/anchoring";
import { bodyForExport, originOf } from "./common";
import { PASSAGE_SEPARATOR, type AnnotationKindName, type ExportAnnotation, type ExportData, type ExportReply } from "./types";

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
function passageStarts(data: ExportData): Map<number, number> {
  const starts = new Map<number, number>();
  const separatorLength = codePointLength(PASSAGE_SEPARATOR);
  let offset = 0;
  for (const passage of data.passages) {
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

function annotationDoc(annotation: ExportAnnotation, source: ReportSourceDoc, passageStart: number | undefined, origin: string): AnnotationDoc {
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
    creator: annotation.importedCreator ? person(annotation.importedCreator, null) : person(annotation.author.name, annotation.author.emailSha1),
    ...(bodies.length > 0 ? { body: bodies } : {}),
    target: { type: "SpecificResource", source, selector },
    "marginalia:passage": annotation.passageIndex,
    "marginalia:status": annotation.status,
    "marginalia:visibility": annotation.visibility,
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

export function toJsonLd(data: ExportData): AnnotationCollectionDoc {
  const { report } = data;
  const origin = originOf(report);
  const starts = passageStarts(data);
  // Replies carry only the author's name; their e-mail hash is known where they also annotated.
  const emailSha1ById = new Map<string, string>();
  for (const a of data.annotations) if (a.author.emailSha1) emailSha1ById.set(a.author.id, a.author.emailSha1);

  const source: ReportSourceDoc = {
    id: report.url,
    type: "Text",
    title: report.title,
    ...(report.language ? { language: report.language } : {}),
    "marginalia:version": report.version,
  };
  const items: (AnnotationDoc | ReplyDoc)[] = [];
  for (const annotation of data.annotations) {
    const doc = annotationDoc(annotation, source, starts.get(annotation.passageIndex), origin);
    items.push(doc);
    for (const reply of annotation.replies) items.push(replyDoc(reply, doc.id, emailSha1ById.get(reply.author.id) ?? null, origin));
  }

  return {
    "@context": [ANNO_CONTEXT, { marginalia: extensionNamespace(origin), title: "http://purl.org/dc/terms/title" }],
    id: `${report.url}/annotations`,
    type: "AnnotationCollection",
    label: `Annotations on “${report.title}”`,
    total: items.length,
    generator: { id: origin, type: "Software", name: "Marginalia" },
    generated: data.exportedAt.toISOString(),
    first: { type: "AnnotationPage", startIndex: 0, items },
  };
}
