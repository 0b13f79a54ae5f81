import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/notice";
import { EditCoacheeForm } from "@/components/coachees/coachee-forms";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { coacheeForEdit } from "@/lib/coachees/add-coachee";
import { db } from "@/lib/db/client";
import { displayName } from "@/lib/users/display-name";
import { editCoacheeAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Coachees.editCoachee"))("title") };
}

export default async function EditCoacheePage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const t = await getTranslations("Coachees.editCoachee");
  const said = await getTranslations("Coachees.server");
  const member = await requireMember(org, "coachees:manage");
  const coachee = await orNotFound(coacheeForEdit(db(), memberActor(member), id));
  return (
    <section>
      <PageHeader title={t("heading", { name: displayName(coachee.user) })} back={{ href: `/${org}/coachees`, label: t("back") }} />
      {coachee.editable ? (
        <EditCoacheeForm
          org={org}
          coachee={{ id: coachee.id, firstName: coachee.user.firstName, lastName: coachee.user.lastName, email: coachee.user.email }}
          invited={coachee.status === "INVITED"}
          action={editCoacheeAction}
        />
      ) : (
        <Notice tone="info">{said("neverActiveOnly")}.</Notice>
      )}
    </section>
  );
}
