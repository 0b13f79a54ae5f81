import type { Metadata } from "next";
import { GoalTree } from "@/components/goals/goal-tree";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { viewerClock } from "@/lib/format/dates";
import { listCoacheeComments } from "@/lib/goals/comments";
import { goalsView } from "@/lib/goals/views";
import { GOAL_ACTIONS } from "./goal-actions";

export const metadata: Metadata = { title: "Goals" };

/** A participant's own goals, milestones and actions. */
export default async function GoalsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "goals:own");
  const actor = memberActor(member);
  const [view, comments] = await Promise.all([
    goalsView(db(), actor, member.membershipId),
    listCoacheeComments(db(), actor, member.membershipId),
  ]);
  return (
    <section>
      <PageHeader
        title="Goals"
        description="Your goals, the milestones on the way, and the actions that get you there. Your coach sees them too."
      />
      <GoalTree
        org={org}
        coacheeId={member.membershipId}
        own
        view={view}
        actions={GOAL_ACTIONS}
        name="your"
        comments={comments}
        viewerZone={viewerClock(member.user).zone}
      />
    </section>
  );
}
