import type { NextConfig } from "next";
import { securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The app server (lib/http/app-server.ts) compresses itself, faster than Next.js would; `next dev` still does.
  compress: process.env.MARGINALIA_SERVER_COMPRESSES !== "1",
  // The dev-mode badge sits over the reader's bottom sheet on phones.
  devIndicators: false,
  // `npm test` type-checks once with tsc before building; skip the second pass there.
  typescript: { ignoreBuildErrors: process.env.MARGINALIA_SKIP_BUILD_TYPECHECK === "1" },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
