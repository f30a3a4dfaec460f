import type { RoleName } from "./words";

/** What each role may do, in the words the members page, the invitation page and the reader use. */
export const ROLE_HELP: Record<RoleName, string> = {
  owner: "manages members and everything else",
  editor: "imports and manages reports, tags and verdicts",
  annotator: "annotates, replies and takes stances",
  viewer: "reads what the team shares",
};

export const ROLE_LABEL: Record<RoleName, string> = { owner: "Owner", editor: "Editor", annotator: "Annotator", viewer: "Viewer" };

/** "an editor", "a viewer". */
export const aRole = (role: RoleName): string => `${role === "viewer" ? "a" : "an"} ${role}`;
