import { attachmentHeader } from "@/lib/exporters/common";

/** The app's public origin: NEXTAUTH_URL when set (behind a proxy), else the request's own. */
export function appOrigin(req: { nextUrl: URL }): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall through to the request's origin
    }
  }
  return req.nextUrl.origin;
}

/** A file download: attachment with the file's name, never cached, never sniffed. */
export function download(body: BodyInit, options: { contentType: string; fileName: string }): Response {
  return new Response(body, {
    headers: {
      "Content-Type": options.contentType,
      "Content-Disposition": attachmentHeader(options.fileName),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
