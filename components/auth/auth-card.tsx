import type { ReactNode } from "react";
import { Brand } from "@/components/shell/brand-mark";
import { PAGE_WORDS_LOCALE } from "@/lib/i18n/locales";

/**
 * The centred card the signed-out pages (sign in, password reset) share. `translated`: the page's words
 * come from the message files, in the page's language; else they are still English (PAGE_WORDS_LOCALE).
 */
export function AuthCard({ title, translated, children }: { title: string; translated?: boolean; children: ReactNode }) {
  return (
    <main lang={translated ? undefined : PAGE_WORDS_LOCALE} className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-line bg-surface p-8 shadow-sm">
        <p className="mb-3">
          <Brand />
        </p>
        <h1 className="mb-6 text-2xl font-semibold">{title}</h1>
        {children}
      </div>
    </main>
  );
}
