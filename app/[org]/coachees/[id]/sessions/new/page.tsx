import type { Metadata } from "next";
import { profileTabHref } from "@/lib/coachees/profile-tabs";
import { AppointmentForm } from "@/components/sessions/appointment-form";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { sessionFormContext } from "@/lib/coachees/sessions";
import { db } from "@/lib/db/client";
import { displayName } from "@/lib/users/display-name";
import { TIME_ZONES } from "@/lib/web/form-fields";
import { scheduleAppointmentAction } from "../../actions";

export const metadata: Metadata = { title: "Add an appointment" };

export default async function NewAppointmentPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org, "coachees:manage");
  const { coachee, timezone, pathways } = await orNotFound(sessionFormContext(db(), memberActor(member), id));
  const name = displayName(coachee.user);
  const sessions = profileTabHref(org, coachee.id, "sessions");
  return (
    <section>
      <PageHeader
        back={{ href: sessions, label: `${name} › Sessions` }}
        title="Add an appointment"
        description={`With ${name}. The time is in ${coachee.user.timezone ? "their" : "your"} time zone unless you choose another.`}
      />
      <AppointmentForm
        org={org}
        coacheeId={coachee.id}
        pathways={pathways.map((p) => ({ value: p.id, label: p.label }))}
        timezone={timezone}
        zones={TIME_ZONES}
        action={scheduleAppointmentAction}
        done={sessions}
      />
    </section>
  );
}
