import { describe, expect, it } from "vitest";
import { baseUrl, call, randomAddress, teamWorkspace } from "@/lib/testing/api";

const open = async (url: string) =>
  (await fetch(baseUrl() + new URL(url).pathname, { headers: { "x-forwarded-for": randomAddress() }, redirect: "manual" })).status;

describe("DELETE /api/v1/share-links/{id}", () => {
  it("revokes at once (204): the link is a 404 from then on, gone from the list, and recorded in the activity", async () => {
    const { report, people } = await teamWorkspace();
    const made = await call("POST", `/api/v1/reports/${report.id}/share-links`, { as: people.owner, json: { annotations: "team" } });
    expect(await open(made.body.url)).toBe(200);
    const res = await call("DELETE", `/api/v1/share-links/${made.body.id}`, { as: people.editor });
    expect(res.status).toBe(204);
    expect(await open(made.body.url)).toBe(404);
    const list = await call("GET", `/api/v1/reports/${report.id}/share-links`, { as: people.owner });
    expect(list.body.shareLinks).toEqual([]);
    // Revoked already: nothing left to revoke.
    expect((await call("DELETE", `/api/v1/share-links/${made.body.id}`, { as: people.editor })).status).toBe(404);
    const feed = await call("GET", `/api/v1/reports/${report.id}/activity`, { as: people.viewer });
    expect(feed.body.items[0].summary).toBe("Edna Editor revoked a share link");
  });

  it("answers 403 to viewers and annotators, 404 to a stranger and for an unknown link; the link keeps working", async () => {
    const { report, people } = await teamWorkspace();
    const made = await call("POST", `/api/v1/reports/${report.id}/share-links`, { as: people.editor, json: { annotations: "none" } });
    for (const as of [people.viewer, people.annotator]) {
      const res = await call("DELETE", `/api/v1/share-links/${made.body.id}`, { as });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    const stranger = await call("DELETE", `/api/v1/share-links/${made.body.id}`, { as: people.stranger });
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.code).toBe("not_found");
    expect((await call("DELETE", `/api/v1/share-links/unknownlink1234`, { as: people.editor })).status).toBe(404);
    expect((await call("DELETE", `/api/v1/share-links/${made.body.id}`, {})).status).toBe(401);
    expect(await open(made.body.url)).toBe(200);
  });
});
