"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { Problem, PROBLEM_PRIMARY, PROBLEM_SECONDARY } from "@/components/shell/problem";

/** Whatever went wrong while showing a page: said plainly, inside the shell, with a way on. */
export default function OrgError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const org = useParams<{ org: string }>()?.org;
  const home = org ? `/${org}` : "/";
  return (
    <Problem
      alert
      title="Something went wrong"
      actions={
        <>
          <button type="button" onClick={reset} className={PROBLEM_PRIMARY}>
            Try again
          </button>
          <Link href={home} className={PROBLEM_SECONDARY}>
            Go to the dashboard
          </Link>
        </>
      }
    >
      <p>The page could not be shown. Try again, and tell us if it keeps happening.</p>
      {/* The digest ties the report to the server's log line; the message itself is never shown. */}
      {error.digest ? <p className="mt-2 text-xs">{`Reference: ${error.digest}`}</p> : null}
    </Problem>
  );
}
