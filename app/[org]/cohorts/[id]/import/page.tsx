import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { UploadForm } from "@/components/imports/upload-form";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { COLUMNS } from "@/lib/imports/parse";
import { cohortFilterSchema, getCohort } from "@/lib/programmes/cohorts";
import { TextLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Cohorts.import"))("metaTitle") };
}

export default async function ImportPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org, "imports:run");
  const { cohort } = await orNotFound(getCohort(db(), memberActor(member), id, cohortFilterSchema.parse({})));
  const t = await getTranslations("Cohorts.import");
  return (
    <section className="space-y-6">
      <PageHeader
        back={{ href: `/${org}/cohorts/${cohort.id}`, label: `${cohort.programme.name} › ${cohort.name}` }}
        title={t("title", { cohort: cohort.name })}
      />
      <ol className="list-decimal space-y-2 ps-5 text-sm">
        <li>
          {t.rich("download", {
            // The column names are the CSV's own headers, the same in every language.
            columns: COLUMNS.join(", "),
            link: (chunks) => (
              <TextLink href={`/${org}/imports/template`} download>
                {chunks}
              </TextLink>
            ),
          })}
        </li>
        <li>{t("check")}</li>
        <li>{t("confirm")}</li>
      </ol>
      <UploadForm org={org} cohortId={cohort.id} />
    </section>
  );
}
