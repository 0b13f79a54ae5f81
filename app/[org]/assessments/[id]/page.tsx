import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AnswerForm } from "@/components/assessments/answer-form";
import { AssessmentFacts, ReviewNote } from "@/components/assessments/assessment-items";
import { AnswersView } from "@/components/assessments/answers-view";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { getAssessment } from "@/lib/assessments/assignments";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { profileTabPath } from "@/lib/coachees/profile-tabs";
import { viewerClock } from "@/lib/format/dates";
import { saveAnswersAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Assessments"))("one") };
}

// One assessment of the participant's: the form while it is theirs to fill in, their answers (and the
// review) once submitted. A coach opening it goes to it on the coachee's profile, where it is reviewed.
export default async function AssessmentPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org, ["goals:own", "coachees:manage"]);
  const actor = memberActor(member);
  const a = await orNotFound(getAssessment(db(), actor, id));
  if (can(member.role, "coachees:manage")) redirect(`${profileTabPath(org, a.coacheeMembershipId, "assessments")}#assessment-${a.id}`);
  const zone = viewerClock(member.user).zone;
  const t = await getTranslations("Assessments");
  return (
    <section className="space-y-6">
      <PageHeader
        back={{ href: `/${org}/assessments`, label: t("title") }}
        title={a.title}
        description={<AssessmentFacts a={a} zone={zone} />}
      />
      {a.description ? <p className="max-w-2xl whitespace-pre-wrap">{a.description}</p> : null}
      {a.submittedAt ? (
        <>
          <ReviewNote a={a} zone={zone} />
          <Section id="answers-heading" title={t("yourAnswers")}>
            <AnswersView questions={a.questions} answers={a.answers ?? {}} />
          </Section>
        </>
      ) : (
        <AnswerForm
          org={org}
          assignmentId={a.id}
          title={a.title}
          questions={a.questions}
          answers={a.answers ?? {}}
          action={saveAnswersAction}
        />
      )}
    </section>
  );
}
