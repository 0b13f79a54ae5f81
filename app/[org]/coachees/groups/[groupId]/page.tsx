import type { Metadata } from "next";
import { TextLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { CoacheePickerFilter } from "@/components/coachees/coachee-filter";
import { GroupForm } from "@/components/coachees/coachee-forms";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { coacheeFilterSchema, listCoachees } from "@/lib/coachees/coachees";
import { getGroup } from "@/lib/coachees/groups";
import { db } from "@/lib/db/client";
import { MEMBERSHIP_STATUS_LABELS } from "@/lib/labels";
import { displayName } from "@/lib/users/display-name";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { updateGroupAction } from "../../actions";

export const metadata: Metadata = { title: "Edit group" };

export default async function EditGroupPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; groupId: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org, groupId } = await params;
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
        title={`Group ${group.name}`}
        back={{ href: `/${org}/coachees/groups`, label: "Groups" }}
        description={<TextLink href={`/${org}/coachees?group=${group.id}`}>See these coachees in your list</TextLink>}
      />
      <CoacheePickerFilter q={q} status={status} />
      <GroupForm
        key={group.id}
        org={org}
        group={group}
        coachees={rows.map((r) => ({ value: r.id, label: `${displayName(r)} (${r.email}) · ${MEMBERSHIP_STATUS_LABELS[r.status]}` }))}
        action={updateGroupAction}
        submit="Save group"
      />
    </section>
  );
}
