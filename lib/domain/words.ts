/**
 * The domain's words, written once: the server, the validations, the exporters
 * and the browser all take them from here. Each list is in the order a person
 * reads it, and matches its enum in prisma/schema.prisma. The types end in
 * `Name` so they do not clash with Prisma's enums of the same words.
 */

/** Workspace roles, the most rights first. */
export const ROLES = ["owner", "editor", "annotator", "viewer"] as const;
export type RoleName = (typeof ROLES)[number];

const RANK: Record<RoleName, number> = { viewer: 0, annotator: 1, editor: 2, owner: 3 };

/** Whether `role` has every right `min` has (an owner can do what an editor can). */
export function roleAtLeast(role: RoleName, min: RoleName): boolean {
  return RANK[role] >= RANK[min];
}

/** The roles that have `min`'s rights, for checks inside a statement. */
export function rolesAtLeast(min: RoleName): RoleName[] {
  return ROLES.filter((role) => roleAtLeast(role, min));
}

export const ANNOTATION_KINDS = ["highlight", "comment", "question", "claim"] as const;
export type AnnotationKindName = (typeof ANNOTATION_KINDS)[number];

export const VISIBILITIES = ["private", "workspace"] as const;
export type VisibilityName = (typeof VISIBILITIES)[number];

/** A thread's status. */
export const ANNOTATION_STATUSES = ["open", "resolved"] as const;
export type AnnotationStatusName = (typeof ANNOTATION_STATUSES)[number];

/** How an annotation's anchor survived the report's last new version. */
export const ANCHOR_STATUSES = ["anchored", "moved", "orphaned"] as const;
export type AnchorStatusName = (typeof ANCHOR_STATUSES)[number];

export const PASSAGE_KINDS = ["heading", "paragraph", "quote", "list_item", "footnote"] as const;
export type PassageKindName = (typeof PASSAGE_KINDS)[number];

/** A member's stance on a claim. */
export const STANCES = ["supports", "disputes", "needs_evidence"] as const;
export type StanceName = (typeof STANCES)[number];

/** An editor's verdict on a claim. */
export const VERDICTS = ["unverified", "supported", "contested", "refuted"] as const;
export type VerdictName = (typeof VERDICTS)[number];

/** How a kind is named on its own: a badge, a filter, an export column. */
export const KIND_LABEL = { highlight: "Highlight", comment: "Comment", question: "Question", claim: "Claim" } as const satisfies Record<
  AnnotationKindName,
  string
>;

export const VERDICT_LABEL = {
  unverified: "Unverified",
  supported: "Supported",
  contested: "Contested",
  refuted: "Refuted",
} as const satisfies Record<VerdictName, string>;

/** A stance as a verb in a sentence: "Anan disputes". */
export const STANCE_VERB = { supports: "supports", disputes: "disputes", needs_evidence: "needs evidence" } as const satisfies Record<
  StanceName,
  string
>;

/** Whether a string from outside (a URL, a stored filter) is one of a list's words. */
export function isOneOf<const T extends readonly string[]>(words: T, value: string): value is T[number] {
  return (words as readonly string[]).includes(value);
}
