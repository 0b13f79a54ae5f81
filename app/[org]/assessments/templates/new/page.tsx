import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QuestionBuilder } from "@/components/assessments/question-builder";
import { PageHeader } from "@/components/ui/page-header";
import { requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { saveTemplateAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Assessments"))("templates.new") };
}

export default async function NewTemplatePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "assessments:build");
  const t = await getTranslations("Assessments.templates");
  return (
    <section>
      <PageHeader
        back={{ href: `/${org}/assessments/templates`, label: t("short") }}
        title={t("new")}
        description={can(member.role, "coachees:manage") ? t("newCoachDescription") : t("newAdminDescription")}
      />
      <QuestionBuilder
        label={t("new")}
        fields={{ org }}
        action={saveTemplateAction}
        submitLabel={t("create")}
        done={`/${org}/assessments/templates`}
      />
    </section>
  );
}
