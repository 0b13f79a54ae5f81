import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { profileTabHref } from "@/lib/coachees/profile-tabs";
import { StartSessionForm } from "@/components/sessions/appointment-form";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { sessionFormContext } from "@/lib/coachees/sessions";
import { db } from "@/lib/db/client";
import { displayName } from "@/lib/users/display-name";
import { startSessionNowAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Coachees.startSession"))("title") };
}

export default async function StartSessionPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const t = await getTranslations("Coachees.startSession");
  const member = await requireMember(org, "coachees:manage");
  const { coachee, pathways } = await orNotFound(sessionFormContext(db(), memberActor(member), id));
  const name = displayName(coachee.user);
  const sessions = profileTabHref(org, coachee.id, "sessions");
  return (
    <section>
      <PageHeader back={{ href: sessions, label: t("back", { name }) }} title={t("title")} description={t("description", { name })} />
      <StartSessionForm
        org={org}
        coacheeId={coachee.id}
        pathways={pathways.map((p) => ({ value: p.id, label: p.label }))}
        action={startSessionNowAction}
      />
    </section>
  );
}
