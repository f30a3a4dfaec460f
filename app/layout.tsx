import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Marginalia", template: "%s · Marginalia" },
  description: "Read research and policy reports together: annotate, argue, conclude.",
  // Static files in public/: the mark (also the manifest's icon), and the manifest for installing the app.
  icons: { icon: { url: "/favicon.svg", type: "image/svg+xml" } },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf9" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0a09" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered for its request, never ahead of time: the Content-Security-Policy
  // (proxy.ts) allows only scripts carrying this response's nonce, and a page prerendered at
  // build time (the 404 page was one) has none, so none of its scripts would run.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
