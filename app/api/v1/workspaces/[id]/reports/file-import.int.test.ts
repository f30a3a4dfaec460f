import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { call, teamWorkspace } from "@/lib/testing/api";

async function upload(workspaceId: string, token: string, name: string, type: string, data: Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.append("file", new Blob([data], { type }), name);
  const res = await fetch(`${process.env.MARGINALIA_TEST_BASE_URL}/api/v1/workspaces/${workspaceId}/reports`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, body: await res.json() };
}

describe("importing Word and PDF files through the running app", () => {
  it("reads a .docx: title, headings and paragraphs", async () => {
    const { ws, people } = await teamWorkspace();
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: "Energy Transition Review", heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: "Summary", heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: "Coal use fell sharply across the region during the decade under review." }),
            new Paragraph({ text: "Solar capacity doubled, driven by falling panel prices and new auctions." }),
          ],
        },
      ],
    });
    const data = new Uint8Array(await Packer.toBuffer(doc));
    const res = await upload(
      ws.id,
      people.editor.token,
      "review.docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      data,
    );
    expect(res.status).toBe(201);
    expect(res.body.title).toBe("Energy Transition Review");
    const report = (await call("GET", `/api/v1/reports/${res.body.id}`, { as: people.editor })).body;
    expect(report.sourceFormat).toBe("docx");
    expect(report.passages.map((p: { kind: string; text: string }) => [p.kind, p.text])).toEqual([
      ["heading", "Summary"],
      ["paragraph", "Coal use fell sharply across the region during the decade under review."],
      ["paragraph", "Solar capacity doubled, driven by falling panel prices and new auctions."],
    ]);
  });

  it("reads a PDF's text layer with page numbers, and refuses a scan (422) and a truncated .docx (422)", async () => {
    const { ws, people } = await teamWorkspace();
    const pdf = await PDFDocument.create();
    pdf.setTitle("Desalination Costs");
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (const text of [
      "Plants on the coast now produce water at half the cost of 2010.",
      "Energy remains the largest share of the cost of each cubic metre.",
    ]) {
      const page = pdf.addPage([595, 842]);
      page.drawText(text, { x: 50, y: 760, size: 11, font });
    }
    const res = await upload(ws.id, people.editor.token, "costs.pdf", "application/pdf", new Uint8Array(await pdf.save()));
    expect(res.status).toBe(201);
    expect(res.body.title).toBe("Desalination Costs");
    const report = (await call("GET", `/api/v1/reports/${res.body.id}`, { as: people.editor })).body;
    expect(report.passages.map((p: { text: string; page: number }) => [p.page, p.text])).toEqual([
      [1, "Plants on the coast now produce water at half the cost of 2010."],
      [2, "Energy remains the largest share of the cost of each cubic metre."],
    ]);

    const scan = await PDFDocument.create();
    scan.addPage([595, 842]).drawRectangle({ x: 40, y: 40, width: 500, height: 700 });
    const scanned = await upload(ws.id, people.editor.token, "scan.pdf", "application/pdf", new Uint8Array(await scan.save()));
    expect(scanned.status).toBe(422);
    expect(scanned.body.error.message).toMatch(/scan/i);

    const docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("x")] }] })));
    const truncated = await upload(ws.id, people.editor.token, "broken.docx", "application/octet-stream", docx.slice(0, docx.length / 2));
    expect(truncated.status).toBe(422);
  });
});
