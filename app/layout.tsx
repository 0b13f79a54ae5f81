import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = { title: { default: "Pathwise", template: "%s · Pathwise" } };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, never prerendered: a page built ahead of time could not carry the
  // per-response script nonce of the Content-Security-Policy (see proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
