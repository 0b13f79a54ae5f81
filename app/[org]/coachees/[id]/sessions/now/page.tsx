import type { Metadata } from "next";
import { profileTabHref } from "@/lib/coachees/profile-tabs";
import { StartSessionForm } from "@/components/sessions/appointment-form";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { sessionFormContext } from "@/lib/coachees/sessions";
import { db } from "@/lib/db/client";
import { displayName } from "@/lib/users/display-name";
import { startSessionNowAction } from "../../actions";

export const metadata: Metadata = { title: "Start a session now" };

export default async function StartSessionPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org, "coachees:manage");
  const { coachee, pathways } = await orNotFound(sessionFormContext(db(), memberActor(member), id));
  const name = displayName(coachee.user);
  const sessions = profileTabHref(org, coachee.id, "sessions");
  return (
    <section>
      <PageHeader
        back={{ href: sessions, label: `${name} › Sessions` }}
        title="Start a session now"
        description={`With ${name}, starting now: you can mark it attended as soon as it is over.`}
      />
      <StartSessionForm
        org={org}
        coacheeId={coachee.id}
        pathways={pathways.map((p) => ({ value: p.id, label: p.label }))}
        action={startSessionNowAction}
        done={sessions}
      />
    </section>
  );
}
