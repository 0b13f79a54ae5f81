import type { Metadata } from "next";
import { AddPathwayForm } from "@/components/pathways/forms";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { activeCoaches, cohortsForPicker } from "@/lib/pathways/pickers";
import { TIME_ZONES } from "@/lib/web/form-fields";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/button";
import { addUserWithPathwayAction } from "../actions";

export const metadata: Metadata = { title: "Add a participant" };

export default async function AddPathwayPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const member = await requireMember(org, "pathways:manage");
  if (!can(member.role, "invitations:send")) notFound();
  const actor = memberActor(member);
  const [cohorts, coaches] = await Promise.all([cohortsForPicker(db(), actor), activeCoaches(db(), actor)]);
  const { cohort } = firstValues(await searchParams);
  if (cohorts.length === 0) {
    return (
      <EmptyState>
        There is no cohort to add a participant to yet. <TextLink href={`/${org}/programmes`}>Create a programme and a cohort</TextLink>{" "}
        first.
      </EmptyState>
    );
  }
  return (
    <AddPathwayForm
      org={org}
      cohorts={cohorts}
      defaultCohort={cohorts.some((c) => c.value === cohort) ? cohort : undefined}
      coaches={coaches}
      timezones={TIME_ZONES}
      action={addUserWithPathwayAction}
    />
  );
}
