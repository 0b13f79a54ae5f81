import type { Metadata } from "next";
import { QuestionBuilder } from "@/components/assessments/question-builder";
import { PageHeader } from "@/components/ui/page-header";
import { requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { saveTemplateAction } from "../../actions";

export const metadata: Metadata = { title: "New template" };

export default async function NewTemplatePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "assessments:build");
  return (
    <section>
      <PageHeader
        back={{ href: `/${org}/assessments/templates`, label: "Templates" }}
        title="New template"
        description={
          can(member.role, "coachees:manage")
            ? "Your own template, to assign to your coachees or groups."
            : "A template for the whole organisation: every coach may assign it."
        }
      />
      <QuestionBuilder
        label="New template"
        fields={{ org }}
        action={saveTemplateAction}
        submitLabel="Create template"
        done={`/${org}/assessments/templates`}
      />
    </section>
  );
}
