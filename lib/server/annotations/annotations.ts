import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { codePointLength, quoteFromPosition, validatePosition } from "@/lib/anchoring";
import { BODY_MAX, type CreateAnnotationInput } from "@/lib/validations/annotation";
import { reportWhere, requireRole } from "../workspaces/access";
import { annotationVisibleWhere } from "./visibility";

export interface AnnotationView {
  id: string;
  reportId: string;
  passageId: string;
  passageIndex: number;
  kind: "highlight" | "comment" | "question" | "claim";
  visibility: "private" | "workspace";
  body: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  author: { id: string; name: string };
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const select = {
  id: true,
  reportId: true,
  passageId: true,
  kind: true,
  visibility: true,
  body: true,
  start: true,
  end: true,
  quote: true,
  prefix: true,
  suffix: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
  passage: { select: { index: true } },
} satisfies Prisma.AnnotationSelect;

type Row = Prisma.AnnotationGetPayload<{ select: typeof select }>;

function toView({ passage, ...row }: Row): AnnotationView {
  return { ...row, passageIndex: passage.index };
}

function invalid(path: string, message: string): AppError {
  return new AppError("validation_failed", message, { issues: [{ path, message }] });
}


export async function createAnnotation(
  options: { userId: string; reportId: string } & CreateAnnotationInput,
): Promise<AnnotationView> {
  const body = options.body?.trim() ?? "";
  return db.$transaction(async (tx) => {
    const report = await tx.report.findFirst({
      where: { id: options.reportId, ...reportWhere(options.userId) },
      select: { id: true, version: true, workspace: { select: { memberships: { where: { userId: options.userId }, select: { role: true } } } } },
    });
    if (!report) throw notFound("That report");
    requireRole(report.workspace.memberships[0].role, "annotator", "annotate reports");
    if (codePointLength(body) > BODY_MAX) {
      throw new AppError("payload_too_large", `The comment is too long: at most ${BODY_MAX.toLocaleString("en")} characters.`);
    }

    const passage = await tx.passage.findFirst({
      where: { id: options.passageId, reportId: report.id, version: report.version },
      select: { id: true, text: true },
    });
    if (!passage) throw invalid("passageId", "passageId does not name a passage of this report.");

    const position = { start: options.start, end: options.end };
    const problem = validatePosition(passage.text, position);
    if (problem) throw invalid(problem.field, problem.message);
    const selector = quoteFromPosition(passage.text, position);
    if (options.quote !== undefined && options.quote !== selector.exact) {
      throw invalid("quote", `The quote does not match the passage text at those offsets, which is “${selector.exact}”.`);
    }

    const row = await tx.annotation.create({
      data: {
        reportId: report.id,
        passageId: passage.id,
        authorId: options.userId,
        kind: options.kind ?? (body ? "comment" : "highlight"),
        visibility: options.visibility ?? "workspace",
        body,
        start: position.start,
        end: position.end,
        quote: selector.exact,
        prefix: selector.prefix,
        suffix: selector.suffix,
      },
      select,
    });
    return toView(row);
  });
}

/** What the user may see of a report's annotations, in reading order. */
export async function listAnnotations(options: { userId: string; reportId: string }): Promise<AnnotationView[]> {
  const report = await db.report.findFirst({
    where: { id: options.reportId, ...reportWhere(options.userId) },
    select: { id: true, version: true },
  });
  if (!report) throw notFound("That report");
  const rows = await db.annotation.findMany({
    where: { reportId: report.id, passage: { version: report.version }, ...annotationVisibleWhere(options.userId) },
    orderBy: [{ passage: { index: "asc" } }, { start: "asc" }, { end: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select,
  });
  return rows.map(toView);
}
