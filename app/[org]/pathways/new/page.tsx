import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Pathways.add"))("metaTitle") };
}

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
    const t = await getTranslations("Pathways.add");
    return <EmptyState>{t.rich("noCohort", { link: (chunks) => <TextLink href={`/${org}/programmes`}>{chunks}</TextLink> })}</EmptyState>;
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
