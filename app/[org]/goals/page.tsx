import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { GoalTree } from "@/components/goals/goal-tree";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { viewerClock } from "@/lib/format/dates";
import { listCoacheeComments } from "@/lib/goals/comments";
import { goalsView, shownSubjects } from "@/lib/goals/views";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { goalLinks, goalsQuerySchema } from "./goal-links";
import { GOAL_ACTIONS } from "./goal-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Goals.goalsPage"))("title") };
}

/** A participant's own goals, milestones and actions. */
export default async function GoalsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const t = await getTranslations("Goals.goalsPage");
  const member = await requireMember(org, "goals:own");
  const actor = memberActor(member);
  const { goal, thread } = goalsQuerySchema.parse(firstValues(await searchParams));
  const view = await goalsView(db(), actor, member.membershipId, { goal });
  const comments = await listCoacheeComments(db(), actor, member.membershipId, { ...shownSubjects(view), full: thread });
  return (
    <section>
      <PageHeader title={t("title")} description={t("description")} />
      <GoalTree
        org={org}
        coacheeId={member.membershipId}
        own
        view={view}
        actions={GOAL_ACTIONS}
        comments={comments}
        links={goalLinks({ goals: `/${org}/goals`, actions: `/${org}/actions` })}
        viewerZone={viewerClock(member.user).zone}
      />
    </section>
  );
}
