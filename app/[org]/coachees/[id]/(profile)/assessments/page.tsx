import { CoacheeAssessments } from "@/components/assessments/assessment-items";
import { listCoacheeAssessments } from "@/lib/assessments/assignments";
import { db } from "@/lib/db/client";
import { reviewAction, withdrawAction } from "../../../../assessments/actions";
import { coacheeProfile, type ProfileParams } from "../profile";

/** The coachee's assessments: pending ones, and completed ones with their answers and the review. */
export default async function CoacheeAssessmentsPage({ params }: ProfileParams) {
  const { org, id } = await params;
  const { actor, coacheeId, name, zone } = await coacheeProfile(org, id);
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
