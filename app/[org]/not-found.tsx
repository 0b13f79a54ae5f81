"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { Problem, PROBLEM_PRIMARY } from "@/components/shell/problem";

// Inside the organisation's shell: a page that does not exist here, or an id this member may not see
// (the two look the same on purpose). A non-member never gets here: the layout's 404 is the root one.
export default function OrgNotFound() {
  const org = useParams<{ org: string }>()?.org;
  return (
    <Problem
      title="Page not found"
      actions={
        <Link href={org ? `/${org}` : "/"} className={PROBLEM_PRIMARY}>
          Go to the dashboard
        </Link>
      }
    >
      <p>This page does not exist, or you do not have access to it. Check the address, or start again from the dashboard.</p>
    </Problem>
  );
}
