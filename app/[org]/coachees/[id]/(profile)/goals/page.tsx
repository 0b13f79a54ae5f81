import { GoalTree } from "@/components/goals/goal-tree";
import { profileTabPath } from "@/lib/coachees/profile-tabs";
import { db } from "@/lib/db/client";
import { listCoacheeComments } from "@/lib/goals/comments";
import { goalsView, shownSubjects } from "@/lib/goals/views";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { GOAL_ACTIONS } from "../../../../goals/goal-actions";
import { goalLinks, goalsQuerySchema } from "../../../../goals/goal-links";
import { coacheeProfile, type ProfileParams } from "../profile";

/** The coachee's goals, one open (?goal=), folded to what a page shows. */
export default async function CoacheeGoalsPage({ params, searchParams }: ProfileParams & { searchParams: Promise<RawSearchParams> }) {
  const { org, id } = await params;
  const { actor, coacheeId, name, zone } = await coacheeProfile(org, id);
  const { goal, thread } = goalsQuerySchema.parse(firstValues(await searchParams));
  const view = await goalsView(db(), actor, coacheeId, { goal });
  const comments = await listCoacheeComments(db(), actor, coacheeId, { ...shownSubjects(view), full: thread });
  return (
    <GoalTree
      org={org}
      coacheeId={coacheeId}
      own={false}
      view={view}
      actions={GOAL_ACTIONS}
      name={name}
      comments={comments}
      links={goalLinks({ goals: profileTabPath(org, coacheeId, "goals"), actions: profileTabPath(org, coacheeId, "actions") })}
      viewerZone={zone}
    />
  );
}
