import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { CoacheePickerFilter } from "@/components/coachees/coachee-filter";
import { GroupForm } from "@/components/coachees/coachee-forms";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { coacheeFilterSchema, listCoachees, PICKER_SIZE } from "@/lib/coachees/coachees";
import { db } from "@/lib/db/client";
import { displayName } from "@/lib/users/display-name";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { createGroupAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Coachees.newGroup"))("title") };
}

export default async function NewGroupPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const [t, tl] = await Promise.all([getTranslations("Coachees.newGroup"), getTranslations("Labels")]);
  const member = await requireMember(org, "coachees:manage");
  const { q, status } = coacheeFilterSchema.parse(firstValues(await searchParams));
  const { rows, total } = await listCoachees(db(), memberActor(member), coacheeFilterSchema.parse({ q, status }), { picker: true });
  return (
    <section>
      <PageHeader title={t("title")} back={{ href: `/${org}/coachees/groups`, label: t("back") }} description={t("description")} />
      <CoacheePickerFilter q={q} status={status} />
      {total > PICKER_SIZE ? <p className="mb-2 text-sm text-muted">{t("firstShown", { shown: PICKER_SIZE, total })}</p> : null}
      <GroupForm
        org={org}
        coachees={rows.map((r) => ({ value: r.id, label: `${displayName(r)} (${r.email}) · ${tl(`membershipState.${r.status}`)}` }))}
        action={createGroupAction}
        submit={t("create")}
      />
    </section>
  );
}
