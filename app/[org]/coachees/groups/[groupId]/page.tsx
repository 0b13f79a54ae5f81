import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { CoacheePickerFilter } from "@/components/coachees/coachee-filter";
import { GroupForm } from "@/components/coachees/coachee-forms";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { coacheeFilterSchema, listCoachees } from "@/lib/coachees/coachees";
import { getGroup } from "@/lib/coachees/groups";
import { db } from "@/lib/db/client";
import { displayName } from "@/lib/users/display-name";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { updateGroupAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Coachees.editGroup"))("title") };
}

export default async function EditGroupPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; groupId: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org, groupId } = await params;
  const [t, tl] = await Promise.all([getTranslations("Coachees.editGroup"), getTranslations("Labels")]);
  const member = await requireMember(org, "coachees:manage");
  const actor = memberActor(member);
  const group = await orNotFound(getGroup(db(), actor, groupId));
  const { q, status } = coacheeFilterSchema.parse(firstValues(await searchParams));
  // The members always show (the form sends the whole list), then whoever the search finds.
  const [members, found] = await Promise.all([
    listCoachees(db(), actor, coacheeFilterSchema.parse({ group: group.id }), { picker: true }),
    listCoachees(db(), actor, coacheeFilterSchema.parse({ q, status }), { picker: true }),
  ]);
  const seen = new Set<string>();
  const rows = [...members.rows, ...found.rows].filter((r) => !seen.has(r.id) && seen.add(r.id));
  return (
    <section>
      <PageHeader
        title={t("heading", { name: group.name })}
        back={{ href: `/${org}/coachees/groups`, label: t("back") }}
        description={<TextLink href={`/${org}/coachees?group=${group.id}`}>{t("seeList")}</TextLink>}
      />
      <CoacheePickerFilter q={q} status={status} />
      <GroupForm
        key={group.id}
        org={org}
        group={group}
        coachees={rows.map((r) => ({ value: r.id, label: `${displayName(r)} (${r.email}) · ${tl(`membershipState.${r.status}`)}` }))}
        action={updateGroupAction}
        submit={t("save")}
      />
    </section>
  );
}
