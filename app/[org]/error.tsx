"use client";

/** Whatever went wrong while showing a page: say so plainly and offer a way on. */
export default function OrgError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="max-w-lg rounded-md border border-red-200 bg-red-50 p-6">
      <h1 className="mb-2 text-xl font-semibold">Something went wrong</h1>
      <p className="mb-4 text-sm">The page could not be shown. Try again, and tell us if it keeps happening.</p>
      <button type="button" onClick={reset} className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white">
        Try again
      </button>
    </section>
  );
}
