import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { clientMessages } from "@/lib/i18n/client-messages";
import { directionOf } from "@/lib/i18n/locales";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pathwise", template: "%s · Pathwise" },
  applicationName: "Pathwise",
  // The brand mark (public/icon.svg) for browsers that take SVG, the .ico for those that ask /favicon.ico.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = { themeColor: "#4338ca" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, never prerendered: a page built ahead of time could not carry the
  // per-response script nonce of the Content-Security-Policy (see proxy.ts).
  await connection();
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-screen bg-surface-muted font-sans text-ink antialiased">
        {/* Only what client components read goes to the browser (lib/i18n/client-messages.ts). */}
        <NextIntlClientProvider messages={clientMessages(messages)}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
