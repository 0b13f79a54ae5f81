import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { UploadForm } from "@/components/imports/upload-form";
import { requireMember } from "@/lib/auth/page";
import { TextLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Users.import"))("title") };
}

/** An import of people only: they are invited as participants, without a pathway. */
export default async function UsersImportPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  await requireMember(org, "imports:run");
  const t = await getTranslations("Users");
  return (
    <section className="space-y-6">
      <PageHeader back={{ href: `/${org}/users`, label: t("title") }} title={t("import.title")} description={t("import.description")} />
      <ol className="list-decimal space-y-2 ps-5 text-sm">
        <li>
          {t.rich("import.template", {
            link: (chunks) => (
              <TextLink href={`/${org}/imports/template`} download>
                {chunks}
              </TextLink>
            ),
          })}
        </li>
        <li>{t("import.check")}</li>
        <li>{t("import.confirm")}</li>
      </ol>
      <UploadForm org={org} cohortId="" />
    </section>
  );
}
