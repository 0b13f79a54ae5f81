import Link from "next/link";
import { Counts } from "@/components/pathways/counts";
import { PathwayList } from "@/components/pathways/pathway-list";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { can, roleInSentence } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { pathwaysInReach, pathwayWatchlist } from "@/lib/pathways/read";
import { listProgrammesWithCounts } from "@/lib/programmes/programmes";

export default async function Dashboard({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "dashboard:view");
  const actor = memberActor(member);
  const programmesView = can(member.role, "programmes:view");
  const [programmes, watchlist, mine] = await Promise.all([
    programmesView ? listProgrammesWithCounts(db(), actor) : null,
    can(member.role, "pathways:view") ? pathwayWatchlist(db(), actor) : null,
    // Coaches and participants, who have no programme pages: the pathways they work on.
    !programmesView && can(member.role, "pathways:view") ? pathwaysInReach(db(), actor) : null,
  ]);
  return (
    <section className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="mb-2 text-2xl font-semibold">Dashboard</h1>
          <p className="text-slate-600">
            Welcome, {member.user.firstName || member.user.email}. You are signed in to {member.organization.name} as {roleInSentence(member.role)}.
          </p>
        </div>
        {can(member.role, "pathways:manage") && can(member.role, "invitations:send") ? (
          <Link href={`/${org}/pathways/new`} className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800" aria-label="Add a participant with a pathway">
            + Participant
          </Link>
        ) : null}
      </div>
      {programmes ? (
        <section aria-labelledby="programmes-heading">
          <h2 id="programmes-heading" className="mb-2 text-lg font-semibold">
            Programmes and cohorts
          </h2>
          {programmes.length === 0 ? (
            <p className="text-sm text-slate-600">
              No programmes yet.{" "}
              <Link href={`/${org}/programmes`} className="text-indigo-700 underline">
                Set up programmes
              </Link>
              .
            </p>
          ) : (
            <ul className="space-y-3">
              {programmes.map((p) => (
                <li key={p.id}>
                  <Link href={`/${org}/programmes/${p.id}`} className="font-medium text-indigo-700 underline">
                    {p.name}
                  </Link>{" "}
                  <Counts counts={p.counts} />
                  <ul className="ml-4 list-disc text-sm">
                    {p.cohorts.map((c) => (
                      <li key={c.id}>
                        <Link href={`/${org}/cohorts/${c.id}`} className="text-indigo-700 underline">
                          {c.name}
                        </Link>
                        : <Counts counts={c.counts} />
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {mine ? (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading" className="mb-2 text-lg font-semibold">
            Pathways
          </h2>
          <PathwayList org={org} rows={mine} empty="No pathways yet: they appear here when someone puts you on one." />
        </section>
      ) : null}
      {watchlist ? (
        <div className="grid gap-8 md:grid-cols-2">
          <section aria-labelledby="soon-heading">
            <h2 id="soon-heading" className="mb-2 text-lg font-semibold">
              Starting in the next two weeks
            </h2>
            <PathwayList org={org} rows={watchlist.startingSoon} empty="No pathways start in the next two weeks." />
          </section>
          <section aria-labelledby="quiet-heading">
            <h2 id="quiet-heading" className="mb-2 text-lg font-semibold">
              No session attended in 30 days
            </h2>
            <PathwayList org={org} rows={watchlist.quiet} empty="Every started pathway had a session in the last 30 days." />
          </section>
        </div>
      ) : null}
    </section>
  );
}
