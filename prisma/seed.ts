import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

export const DEMO_EMAIL = "demo@marginalia.local";
export const DEMO_PASSWORD = "quiet-reading-room";

/** Code point offsets of `phrase` in `text` (passage offsets count code points). */
function rangeOf(text: string, phrase: string): { start: number; end: number } {
  const at = text.indexOf(phrase);
  if (at === -1) throw new Error(`The demo's phrase is not in the sample: "${phrase}"`);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...phrase].length };
}

/**
 * Creates the demo account, its workspace and the sample report, once, and
 * makes the workspace show what the product does: two colleagues, a codebook,
 * highlights, a comment thread with replies, a claim argued out with two
 * stances and a verdict, a question, and a paragraph of team notes. All of it
 * through the same server functions the API uses. Returns true when it
 * created them. Expects DATABASE_URL to be set (the modules read it when first imported).
 */
export async function seedDemo(): Promise<boolean> {
  const { db } = await import("../lib/db");
  const { registerUser } = await import("../lib/server/users/register-user");
  const { addMember, createWorkspace } = await import("../lib/server/workspaces/workspaces");
  const { importReportFromRequest, getReportOrThrow } = await import("../lib/server/reports/reports");
  const { createTag } = await import("../lib/server/tags/tags");
  const { createAnnotation } = await import("../lib/server/annotations/create-annotation");
  const { createReply } = await import("../lib/server/replies/replies");
  const { putStance, setVerdict } = await import("../lib/server/claims/claims");
  const { saveNotes } = await import("../lib/server/notes/notes");

  if (await db.user.findUnique({ where: { email: DEMO_EMAIL } })) return false;
  const sample = await readFile(path.join(process.cwd(), "prisma", "seed", "normalization-report-intro.txt"), "utf8");
  const user = await registerUser({ email: DEMO_EMAIL, name: "Demo Reader", password: DEMO_PASSWORD });
  // The colleagues' passwords are never shown: they are there to have written something.
  const colleague = (email: string, name: string) =>
    registerUser({ email, name, password: `${randomBytes(18).toString("base64url")} demo colleague` });
  const rana = await colleague("rana.khalil@marginalia.local", "Rana Khalil");
  const thomas = await colleague("thomas.berger@marginalia.local", "Thomas Berger");
  const workspace = await createWorkspace({ userId: user.id, name: "Demo workspace" });
  await addMember({ userId: user.id, workspaceIdOrSlug: workspace.id, email: rana.email, role: "annotator" });
  await addMember({ userId: user.id, workspaceIdOrSlug: workspace.id, email: thomas.email, role: "editor" });
  const imported = await importReportFromRequest({
    userId: user.id,
    workspaceIdOrSlug: workspace.id,
    request: { kind: "json", input: { format: "text", content: sample } },
  });
  if (!("id" in imported)) throw new Error("The demo report was previewed, not imported.");
  const report = await getReportOrThrow({ userId: user.id, reportId: imported.id });
  const passage = (n: number) => report.passages[n - 1];
  const at = (n: number, phrase: string) => ({ reportId: report.id, passageId: passage(n).id, ...rangeOf(passage(n).text, phrase) });

  const tag = (name: string, color: string, description: string) =>
    createTag({ userId: user.id, workspaceIdOrSlug: workspace.id, name, color, description });
  await tag("Motivation", "#b45309", "Why a state moves towards normalization.");
  await tag("Russia's role", "#1d4ed8", "Sponsorship, guarantees, promises.");
  await tag("Needs a source", "#be123c", "A statement the report does not support with a reference.");

  await createAnnotation({
    writer: { userId: user.id },
    ...at(1, "opened a poignant humanitarian window"),
    kind: "highlight",
    tags: ["Motivation"],
  });
  const claim = await createAnnotation({
    writer: { userId: rana.id },
    ...at(2, "commenced in 2018, underpinned and sponsored by Russia"),
    kind: "claim",
    claimSummary: "Normalization began in 2018, under Russian sponsorship",
    body: "The whole argument leans on this date. Do we accept it?",
    tags: ["Russia's role", "Needs a source"],
  });
  await putStance({
    userId: user.id,
    annotationId: claim.id,
    stance: "supports",
    note: "It matches the reopening of the Jaber–Nassib crossing talks and the Astana track.",
  });
  await putStance({
    userId: thomas.id,
    annotationId: claim.id,
    stance: "needs_evidence",
    note: "Plausible, but the report cites nothing. A dated source would settle it.",
    evidence: { passageId: passage(3).id },
  });
  await setVerdict({ userId: thomas.id, annotationId: claim.id, verdict: "contested" });

  const comment = await createAnnotation({
    writer: { userId: user.id },
    ...at(3, "not tied to a change in the regime's behavior"),
    kind: "comment",
    body: "This is the report's central thesis: normalization follows the normalizing states' **own interests**, not concessions from Damascus.",
    tags: ["Motivation"],
  });
  await createReply({
    userId: rana.id,
    annotationId: comment.id,
    body: "Agreed. The failed 2021 initiative in ¶ 1 is the obvious test case.",
  });
  await createReply({
    userId: thomas.id,
    annotationId: comment.id,
    body: "Worth a paragraph in our notes: the interests differ by country (Jordan: trade and refugees; the Gulf: Iran).",
  });
  await createAnnotation({
    writer: { userId: thomas.id },
    ...at(4, "stakeholders and observers of the normalization path"),
    kind: "question",
    body: "Who is the audience, concretely? It changes how much detail we need in the briefing.",
  });

  await saveNotes({
    userId: user.id,
    reportId: report.id,
    version: 0,
    body: [
      "## Working conclusions",
      "",
      "The report argues that normalization follows each state's own interests rather than any change in the regime's behaviour (¶ 3). We accept the thesis, but the dating of the process to 2018 (¶ 2) is **contested** until someone finds a source.",
      "",
      "- Next: compare the Jordanian and Gulf motivations.",
      "- Open question: who the briefing is for (¶ 4).",
      "",
    ].join("\n"),
  });
  return true;
}

// `npm run db:seed` against DATABASE_URL.
if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL, or use `npm run dev`, which seeds its embedded database itself.");
  const created = await seedDemo();
  console.log(created ? `Demo account created: ${DEMO_EMAIL} / ${DEMO_PASSWORD}` : "The demo account already exists.");
  process.exit(0);
}
