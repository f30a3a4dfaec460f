import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, teamWorkspace } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

// `npm test` lets exactly this port through the private-address guard (MARGINALIA_URL_ALLOWLIST).
const port = Number(process.env.MARGINALIA_TEST_FIXTURE_PORT);
const base = `http://127.0.0.1:${port}`;

const ARTICLE = `<!doctype html><html lang="en"><head>
<title>Dams and drought | Policy Institute</title>
<meta property="og:site_name" content="Policy Institute">
<meta name="author" content="Rana Haddad">
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/about">About</a> Subscribe</nav>
<article><h1>Dams and drought</h1>
<p>Rainfall in the basin fell by a third between 2000 and 2020, according to the ministry's own figures, which independent researchers have not been able to check.</p>
<p>Upstream dams reduced the river's flow further, and farmers in the south left their land in large numbers after 2015, as the report's interviews show.</p>
<h2>What follows</h2>
<p>The report argues that water policy, not rainfall alone, explains the displacement, and that regional cooperation is the only lasting answer.</p>
</article>
<aside>Advertisement: buy our newsletter</aside>
<footer>© Policy Institute</footer>
</body></html>`;

let server: http.Server;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/article") return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(ARTICLE);
    if (req.url === "/moved") return void res.writeHead(302, { location: "/article" }).end();
    if (req.url === "/loop") return void res.writeHead(302, { location: "/loop" }).end();
    if (req.url === "/to-private") return void res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" }).end();
    if (req.url === "/huge") {
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = "<p>" + "x".repeat(1024 * 1024) + "</p>";
      for (let i = 0; i < 12; i++) res.write(chunk);
      return void res.end();
    }
    if (req.url === "/binary") return void res.writeHead(200, { "content-type": "application/zip" }).end(Buffer.from([80, 75, 3, 4]));
    res.writeHead(404).end("not here");
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('POST /api/v1/workspaces/{id}/reports with { format: "url" }', () => {
  it("imports a web page's main content and its metadata, following a redirect", async () => {
    const { ws, people } = await teamWorkspace();
    const res = await call("POST", `/api/v1/workspaces/${ws.id}/reports`, {
      as: people.editor,
      json: { format: "url", url: `${base}/moved` },
    });
    expect(res.status).toBe(201);
    const report = (await call("GET", `/api/v1/reports/${res.body.id}`, { as: people.editor })).body;
    expect(report).toMatchObject({
      title: expect.stringContaining("Dams and drought"),
      publishedAt: "2024-05-02",
      language: "en",
      sourceUrl: `${base}/article`,
      sourceFormat: "html",
    });
    const texts = report.passages.map((p: { text: string }) => p.text).join("\n");
    expect(texts).toContain("Rainfall in the basin fell by a third");
    expect(texts).not.toMatch(/Subscribe|Advertisement|©/);
  });

  it("looks names up (localhost, allowed here) and refuses any private address that answers, by number or by name", async () => {
    const { ws, people } = await teamWorkspace();
    const byName = await call("POST", `/api/v1/workspaces/${ws.id}/reports`, {
      as: people.editor,
      json: { format: "url", url: `http://localhost:${port}/article` },
    });
    expect(byName.status).toBe(201);
    // The app itself is listening on a private address: it must not be fetched, however it is written.
    const app = new URL(process.env.MARGINALIA_TEST_BASE_URL!);
    for (const url of [
      `http://127.0.0.1:${app.port}/signin`,
      `http://localhost:${app.port}/signin`,
      `http://[::ffff:127.0.0.1]:${app.port}/signin`,
    ]) {
      const res = await call("POST", `/api/v1/workspaces/${ws.id}/reports`, { as: people.editor, json: { format: "url", url } });
      expect(res.status, url).toBe(422);
      expect(res.body.error.message, url).toMatch(/private or local address/);
    }
  });

  it("refuses private addresses, other schemes, redirect loops, huge pages and files it cannot read, storing nothing", async () => {
    const { ws, people } = await teamWorkspace();
    const before = await query("SELECT 1 FROM reports WHERE workspace_id = $1", [ws.id]);
    const tryUrl = (url: string) =>
      call("POST", `/api/v1/workspaces/${ws.id}/reports`, { as: people.editor, json: { format: "url", url } });
    for (const url of [
      `http://127.0.0.1:${port + 1}/article`,
      "http://169.254.169.254/latest/meta-data",
      "http://10.0.0.1/",
      "http://localhost:5432/",
      `${base}/to-private`,
    ]) {
      const res = await tryUrl(url);
      expect(res.status, url).toBe(422);
      expect(res.body.error.details.issues[0].path).toBe("url");
    }
    expect((await tryUrl("file:///etc/passwd")).status).toBe(422);
    expect((await tryUrl("not a url")).status).toBe(422);
    expect((await tryUrl(`${base}/loop`)).body.error.message).toMatch(/redirected/);
    expect((await tryUrl(`${base}/huge`)).status).toBe(413);
    expect((await tryUrl(`${base}/binary`)).status).toBe(415);
    expect((await tryUrl(`${base}/missing`)).status).toBe(422);
    expect(await query("SELECT 1 FROM reports WHERE workspace_id = $1", [ws.id])).toHaveLength(before.length);
  });

  it("does not fetch anything for a stranger (404) or a member without the role (403)", async () => {
    const { ws, people } = await teamWorkspace();
    expect(
      (await call("POST", `/api/v1/workspaces/${ws.id}/reports`, { as: people.stranger, json: { format: "url", url: `${base}/article` } }))
        .status,
    ).toBe(404);
    expect(
      (await call("POST", `/api/v1/workspaces/${ws.id}/reports`, { as: people.annotator, json: { format: "url", url: `${base}/article` } }))
        .status,
    ).toBe(403);
  });
});
