import type { Metadata } from "next";
import { ActionButton } from "@/components/ui/action-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { requestsForMe } from "@/lib/coaching/requests";
import { db } from "@/lib/db/client";
import { viewerClock } from "@/lib/format/dates";
import { Notice } from "@/components/ui/notice";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { acceptRequestAction, declineRequestAction } from "./actions";

export const metadata: Metadata = { title: "Coaching requests" };

// Where a participant decides who coaches them: a coach who asked sees nothing of theirs until they accept.
/** What the page says after an answer (the address carries which; never a name). */
const ANSWERED = {
  accepted: "Accepted: they are now your coach (see Your coaches on your Home page) and see what you share with your coaches.",
  declined: "Declined: they are not your coach and see nothing of yours.",
} as const;

export default async function CoachingRequestsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const { answered } = firstValues(await searchParams);
  const member = await requireMember(org, "portal:use");
  const requests = await requestsForMe(db(), memberActor(member));
  const zone = viewerClock(member.user).zone;
  return (
    <section>
      <PageHeader
        title="Coaching requests"
        back={{ href: `/${org}`, label: "Home" }}
        description="A coach who asks sees nothing of yours (goals, actions, shared notes and files, answers) unless you accept. Your coaches are told when you accept a new one."
      />
      {answered === "accepted" || answered === "declined" ? (
        <Notice tone="success" role="status">
          {ANSWERED[answered]}
        </Notice>
      ) : null}
      {requests.length === 0 ? (
        <EmptyState>No coach is waiting for your answer.</EmptyState>
      ) : (
        <ul className="space-y-4">
          {requests.map((r) => (
            <li key={r.id} id={`request-${r.id}`} className="rounded-md border border-line p-4">
              <p className="mb-2 [overflow-wrap:anywhere]">
                <strong>{r.coachName}</strong> asked to be your coach (<Time at={r.createdAt} zone={zone} />
                ).
              </p>
              <div className="flex flex-wrap gap-3">
                <ActionButton action={acceptRequestAction} fields={{ org, requestId: r.id }} label={`Accept ${r.coachName}`} />
                <ActionButton action={declineRequestAction} fields={{ org, requestId: r.id }} label={`Decline ${r.coachName}`} quiet />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
