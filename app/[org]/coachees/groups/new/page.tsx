import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { CoacheePickerFilter } from "@/components/coachees/coachee-filter";
import { GroupForm } from "@/components/coachees/coachee-forms";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { coacheeFilterSchema, listCoachees, PICKER_SIZE } from "@/lib/coachees/coachees";
import { db } from "@/lib/db/client";
import { MEMBERSHIP_STATUS_LABELS } from "@/lib/labels";
import { displayName } from "@/lib/users/display-name";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { createGroupAction } from "../../actions";

export const metadata: Metadata = { title: "New group" };

export default async function NewGroupPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const member = await requireMember(org, "coachees:manage");
  const { q, status } = coacheeFilterSchema.parse(firstValues(await searchParams));
  const { rows, total } = await listCoachees(db(), memberActor(member), coacheeFilterSchema.parse({ q, status }), { picker: true });
  return (
    <section>
      <PageHeader
        title="New group"
        back={{ href: `/${org}/coachees/groups`, label: "Groups" }}
        description="Find coachees, tick the ones for the group, then name it."
      />
      <CoacheePickerFilter q={q} status={status} />
      {total > PICKER_SIZE ? (
        <p className="mb-2 text-sm text-muted">
          Showing the first {PICKER_SIZE} of {total}: search to narrow the list.
        </p>
      ) : null}
      <GroupForm
        org={org}
        coachees={rows.map((r) => ({ value: r.id, label: `${displayName(r)} (${r.email}) · ${MEMBERSHIP_STATUS_LABELS[r.status]}` }))}
        action={createGroupAction}
        submit="Create group"
      />
    </section>
  );
}
