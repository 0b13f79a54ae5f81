import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QuestionBuilder } from "@/components/assessments/question-builder";
import { profileTabHref } from "@/lib/coachees/profile-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { getCoacheeProfile } from "@/lib/coachees/profile";
import { db } from "@/lib/db/client";
import { displayName } from "@/lib/users/display-name";
import { assignQuestionsAction } from "../../../../assessments/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Coachees.assignQuestions"))("title") };
}

/** The quick menu's "Assign questions": a one-off set of questions written here for this coachee alone. */
export default async function AssignQuestionsPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const t = await getTranslations("Coachees.assignQuestions");
  const member = await requireMember(org, "coachees:manage");
  const coachee = await orNotFound(getCoacheeProfile(db(), memberActor(member), id));
  const name = displayName(coachee.user);
  const tab = profileTabHref(org, coachee.id, "assessments");
  return (
    <section>
      <PageHeader back={{ href: tab, label: name }} title={t("heading", { name })} description={t("description", { name })} />
      <QuestionBuilder
        label={t("questionsFor", { name })}
        fields={{ org, coacheeId: coachee.id }}
        action={assignQuestionsAction}
        submitLabel={t("title")}
        done={tab}
        dueDate
      />
    </section>
  );
}
