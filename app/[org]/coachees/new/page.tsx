import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { NewCoacheeForm } from "@/components/coachees/coachee-forms";
import { requireMember } from "@/lib/auth/page";
import { addCoacheeAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Coachees.newCoachee"))("title") };
}

export default async function NewCoacheePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const t = await getTranslations("Coachees.newCoachee");
  await requireMember(org, "coachees:manage");
  return (
    <section>
      <PageHeader title={t("title")} back={{ href: `/${org}/coachees`, label: t("back") }} description={t("description")} />
      <NewCoacheeForm org={org} action={addCoacheeAction} />
    </section>
  );
}
