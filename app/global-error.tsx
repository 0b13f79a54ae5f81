"use client";

import "./globals.css";

// Replaces the root layout when it fails. Next's built-in version styles itself inline, which the
// Content-Security-Policy (proxy.ts) refuses.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <title>Something went wrong · Pathwise</title>
        <main role="alert" className="mx-auto mt-24 max-w-lg rounded-md border border-red-200 bg-red-50 p-6">
          <h1 className="mb-2 text-xl font-semibold">Something went wrong</h1>
          <p className="mb-4 text-sm">The page could not be shown. Try again, and tell us if it keeps happening.</p>
          <button type="button" onClick={reset} className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
