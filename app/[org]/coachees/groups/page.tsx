import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LinkButton, TextLink } from "@/components/ui/button";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { listGroups } from "@/lib/coachees/groups";
import { db } from "@/lib/db/client";
import { deleteGroupAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Coachees.groups"))("title") };
}

export default async function GroupsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const t = await getTranslations("Coachees.groups");
  const member = await requireMember(org, "coachees:manage");
  const groups = await listGroups(db(), memberActor(member));
  return (
    <section>
      <PageHeader
        title={t("title")}
        back={{ href: `/${org}/coachees`, label: t("back") }}
        description={t("description")}
        actions={
          <LinkButton href={`/${org}/coachees/groups/new`} variant="primary">
            {t("new")}
          </LinkButton>
        }
      />
      <DataTable
        caption={t("caption")}
        captionHidden
        rows={groups}
        rowKey={(g) => g.id}
        empty={
          <EmptyState>
            {t("empty")} <TextLink href={`/${org}/coachees/groups/new`}>{t("emptyCreate")}</TextLink> {t("emptyCreateHint")}
          </EmptyState>
        }
        columns={[
          {
            header: t("group"),
            cell: (g) => (
              <TextLink href={`/${org}/coachees/groups/${g.id}`} strong>
                {g.name}
              </TextLink>
            ),
          },
          { header: t("descriptionColumn"), cell: (g) => g.description || "–" },
          {
            header: t("coachees"),
            cell: (g) => <TextLink href={`/${org}/coachees?group=${g.id}`}>{t("members", { count: g.members })}</TextLink>,
          },
          {
            header: t("delete"),
            cell: (g) => (
              <ConfirmForm
                action={deleteGroupAction}
                fields={{ org, groupId: g.id }}
                label={t("deleteOf", { name: g.name })}
                title={t("deleteTitle", { name: g.name })}
                explain={t("deleteExplain")}
                confirmLabel={t("deleteGroup")}
                tone="danger"
                quiet
              />
            ),
          },
        ]}
      />
    </section>
  );
}
