import type { Metadata } from "next";
import Link from "next/link";
import { ProgrammeForm } from "@/components/pathways/forms";
import { EmptyState } from "@/components/ui/empty-state";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { listProgrammesWithCounts } from "@/lib/programmes/programmes";
import { Counts } from "@/components/pathways/counts";
import { createProgrammeAction } from "./actions";

export const metadata: Metadata = { title: "Programmes" };

export default async function ProgrammesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "programmes:view");
  const programmes = await listProgrammesWithCounts(db(), memberActor(member));
  const canManage = can(member.role, "programmes:manage");
  return (
    <section className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Programmes</h1>
        {can(member.role, "pathways:manage") ? (
          <Link href={`/${org}/pathways/new`} className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800" aria-label="Add a participant with a pathway">
            + Participant
          </Link>
        ) : null}
      </div>
      {programmes.length === 0 ? (
        <EmptyState>{canManage ? "No programmes yet. Create the first one below." : "No programmes are assigned to you yet. Ask an admin to assign you one."}</EmptyState>
      ) : (
        <ul className="space-y-4" aria-label="Programmes">
          {programmes.map((p) => (
            <li key={p.id} className="rounded-md border border-slate-200 bg-white p-4">
              <h2 className="text-lg font-medium">
                <Link href={`/${org}/programmes/${p.id}`} className="text-indigo-700 underline">
                  {p.name}
                </Link>{" "}
                <span className="text-sm font-normal text-slate-500">· {p.sessionsIncluded} sessions included</span>
              </h2>
              <Counts counts={p.counts} />
              {p.cohorts.length ? (
                <ul className="mt-2 ml-4 list-disc text-sm">
                  {p.cohorts.map((c) => (
                    <li key={c.id}>
                      <Link href={`/${org}/cohorts/${c.id}`} className="text-indigo-700 underline">
                        {c.name}
                      </Link>
                      {c.clientName ? ` (${c.clientName})` : ""}: <Counts counts={c.counts} /> · credit balance {c.creditBalance}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-2 text-sm text-slate-600">No cohorts yet{canManage ? ": open the programme to add one." : "."}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage ? <ProgrammeForm org={org} action={createProgrammeAction} /> : null}
    </section>
  );
}
