import type { Metadata } from "next";
import Link from "next/link";
import { Problem, PROBLEM_PRIMARY } from "@/components/shell/problem";
import { PAGE_WORDS_LOCALE } from "@/lib/i18n/locales";

export const metadata: Metadata = { title: "Not found" };

// Outside any organisation (or one this person does not belong to, which must look the same). Next's
// built-in 404 styles itself inline, which the Content-Security-Policy (proxy.ts) refuses.
export default function NotFound() {
  return (
    <main lang={PAGE_WORDS_LOCALE} className="p-6">
      <Problem
        title="Page not found"
        actions={
          <Link href="/" className={PROBLEM_PRIMARY}>
            Go to your organisation
          </Link>
        }
      >
        <p>This page does not exist, or you do not have access to it.</p>
      </Problem>
    </main>
  );
}
