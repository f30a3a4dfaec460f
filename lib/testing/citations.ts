import { expect } from "vitest";
import { call, teamWorkspace } from "./api";

/** An Arabic report by an institution, with a DOI and a report number in its opening lines. */
export const ARABIC_REPORT = {
  format: "markdown",
  content: "# الأمن المائي في حوض الأردن\n\nورقة عمل رقم 7\n\nDOI: 10.1234/jordan.2024.07\n\nيتجاوز الطلب على المياه العرض بحلول عام ٢٠٣٠.",
  creators: [{ literal: "مركز الدراسات الاستراتيجية" }],
  publisher: "الجامعة الأردنية",
  place: "عمّان",
  publishedAt: "2024-03-21",
  language: "ar",
  sourceUrl: "https://example.org/ar/water",
};

/**
 * A team workspace for the citation tests: its sample report given a person and an
 * institution as authors and every citation detail, and the Arabic report beside it.
 */
export async function citedTeam() {
  const team = await teamWorkspace();
  const created = await call("POST", `/api/v1/workspaces/${team.ws.id}/reports`, { as: team.people.owner, json: ARABIC_REPORT });
  expect(created.status).toBe(201);
  const patched = await call("PATCH", `/api/v1/reports/${team.report.id}`, {
    as: team.people.editor,
    json: {
      creators: [{ family: "Whitfield", given: "Dana" }, { literal: "Institute for Energy Futures" }],
      publisher: "Policy Institute",
      place: "London",
      reportNumber: "WP-12",
      series: "Working Papers",
      doi: "https://doi.org/10.1234/abc.12",
      publishedAt: "2023-03-21",
      accessedAt: "2026-12-01",
    },
  });
  expect(patched.status).toBe(200);
  return { ...team, arabicId: created.body.id as string };
}
