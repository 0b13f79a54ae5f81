import { CoacheeAssessments } from "@/components/assessments/assessment-items";
import { listCoacheeAssessments } from "@/lib/assessments/assignments";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { reviewAction, withdrawAction } from "../../assessments/actions";

/** The coachee profile's Assessments tab: pending ones, and completed ones with their answers and the review. */
export async function AssessmentsTab({
  org,
  actor,
  coacheeId,
  name,
  zone,
}: {
  org: string;
  actor: Actor;
  coacheeId: string;
  name: string;
  zone: string;
}) {
  const { todo, done } = await listCoacheeAssessments(db(), actor, coacheeId);
  return (
    <CoacheeAssessments
      org={org}
      coacheeId={coacheeId}
      name={name}
      todo={todo}
      done={done}
      zone={zone}
      actions={{ review: reviewAction, withdraw: withdrawAction }}
    />
  );
}
