import { NextResponse, type NextRequest } from "next/server";
import { collabUrl, publicRequest } from "@/lib/collab/collab-url";
import { connectSource, createNonce, pageContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { servedOverHttps } from "@/lib/http/security-headers";

/**
 * Every page's Content-Security-Policy, with a nonce of its own. Next.js reads
 * the policy from the request while rendering and puts its nonce on every
 * script it writes (which is why every page is rendered per request: see
 * app/layout.tsx); the browser enforces the copy on the response. Runs the same
 * under `next dev` and under our app server (lib/http/app-server.ts).
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  // The same address the notes' ticket hands the browser (app/api/v1/reports/[id]/notes/collab).
  const collab = connectSource(collabUrl(publicRequest(request)));
  const policy = pageContentSecurityPolicy({
    nonce,
    connectTo: collab ? [collab] : [],
    development: process.env.NODE_ENV === "development",
    https: servedOverHttps(),
  });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only. Not the API (its fixed policy comes from next.config.ts, and its hot paths pay
      // nothing here), not Next.js's own files (/_next/: scripts, styles, fonts, images, dev
      // reloads), not the files in public/ (/favicon.svg, /robots.txt, /manifest.webmanifest). Not prefetches either: they fetch data, not a
      // document, and the navigation that uses them runs under the page's policy.
      source: "/((?!api(?:/|$)|_next/|.*\\.(?:svg|png|jpe?g|gif|webp|avif|ico|txt|xml|webmanifest|woff2?|css|js|map)$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
