import type { NextConfig } from "next";
import { apiContentSecurityPolicyHeader, securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The app server (lib/http/app-server.ts) compresses itself, faster than Next.js would; `next dev` still does.
  compress: process.env.MARGINALIA_SERVER_COMPRESSES !== "1",
  // The dev-mode badge sits over the reader's bottom sheet on phones.
  devIndicators: false,
  // Our server writes one line per request (lib/http/request-log.ts); Next.js's own lines would double them in development.
  logging: { incomingRequests: false },
  // `npm test` type-checks once with tsc before building; skip the second pass there.
  typescript: { ignoreBuildErrors: process.env.MARGINALIA_SKIP_BUILD_TYPECHECK === "1" },
  // One copy of Yjs on the server, loaded from node_modules: bundled, the notes route and the notes
  // panel's server render each had their own, and Yjs warns that two copies break its constructor checks.
  serverExternalPackages: ["yjs", "@citation-js/core", "@citation-js/plugin-csl", "@citation-js/plugin-bibtex", "@citation-js/plugin-ris"],
  async headers() {
    // Fixed when the app is built. Pages get their Content-Security-Policy (with a nonce) from
    // proxy.ts, and HSTS comes from the app server, which reads NEXTAUTH_URL when it starts.
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [apiContentSecurityPolicyHeader] },
    ];
  },
};

export default nextConfig;
