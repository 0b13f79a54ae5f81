"use client";

import "./globals.css";
import { Problem, PROBLEM_PRIMARY, PROBLEM_SECONDARY } from "@/components/shell/problem";

// Replaces the root layout when it fails. Next's built-in version styles itself inline, which the
// Content-Security-Policy (proxy.ts) refuses. A plain <a>: the app around a router may be what failed.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-surface-muted font-sans text-ink antialiased">
        <title>Something went wrong · Pathwise</title>
        <main className="p-6">
          <Problem
            alert
            title="Something went wrong"
            actions={
              <>
                <button type="button" onClick={reset} className={PROBLEM_PRIMARY}>
                  Try again
                </button>
                {/* The router may be what failed: a plain link reloads the app. */}
                {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
                <a href="/" className={PROBLEM_SECONDARY}>
                  Start again
                </a>
              </>
            }
          >
            <p>Pathwise could not show this page. Try again, and tell us if it keeps happening.</p>
          </Problem>
        </main>
      </body>
    </html>
  );
}
