import {
  answersFormSchema,
  assignQuestions,
  getAssessment,
  listCoacheeAssessments,
  reviewAssessment,
  saveAnswers,
} from "../../../lib/assessments/assignments";
import { coachAssessmentsSchema, listCoachAssessments } from "../../../lib/assessments/coach-list";
import { answerFieldName } from "../../../lib/assessments/questions";
import { listNotifications } from "../../../lib/notifications/centre";
import type { Db } from "../../../lib/db/client";
import type { TestActor } from "../../factories/actor";
import { anyShows, shows, type PrivacyKind, type PrivacyWorld } from "../../support/privacy";

// Assessments: an assignment and its submitted answers, and the coach's review, are shared by the
// coachee and every coach of theirs; a draft's answers are the coachee's alone. Every read path: the
// assignment by id, the coachee's list (profile tab and portal), the coach's own list, and the
// notification centre (which carries the title).

const secret = (what: string) => `${what} ${crypto.randomUUID()}`;

/** Whether any read shows `text` to the viewer. */
function seesText(db: Db, w: PrivacyWorld, assignmentId: string, text: string) {
  const has = (v: unknown) => JSON.stringify(v).includes(text);
  return (viewer: TestActor) =>
    anyShows([
      () => shows(getAssessment(db, viewer, assignmentId), has),
      () => shows(listCoacheeAssessments(db, viewer, w.coachee.membershipId), has),
      () => shows(listCoachAssessments(db, viewer, coachAssessmentsSchema.parse({ status: "all" })), has),
      () => shows(listNotifications(db, viewer), has),
    ]);
}

async function assigned(db: Db, w: PrivacyWorld, title: string) {
  const { id } = await assignQuestions(db, w.coach, {
    coacheeId: w.coachee.membershipId,
    title,
    description: "",
    questions: JSON.stringify([{ kind: "long", prompt: "What went well?", required: true }]),
    dueDate: null,
  });
  const [question] = (await getAssessment(db, w.coachee, id)).questions;
  const answer = (intent: "save" | "submit", text: string) =>
    saveAnswers(
      db,
      w.coachee,
      answersFormSchema.parse({ assignmentId: id, intent, [answerFieldName(question.id)]: text }) as Parameters<typeof saveAnswers>[2],
    );
  return { id, answer };
}

export const assessments: PrivacyKind = {
  kind: "assessments",
  models: ["AssessmentAssignment"],
  async items(db, w) {
    const circle = ["coach", "secondCoach", "coachee"] as const;

    const submittedTitle = secret("Submitted assessment");
    const submittedAnswer = secret("Submitted answer");
    const submitted = await assigned(db, w, submittedTitle);
    await submitted.answer("submit", submittedAnswer);

    const draftAnswer = secret("Draft answer");
    const draft = await assigned(db, w, secret("Draft assessment"));
    await draft.answer("save", draftAnswer);

    const reviewComment = secret("Review comment");
    const reviewed = await assigned(db, w, secret("Reviewed assessment"));
    await reviewed.answer("submit", secret("Reviewed answer"));
    await reviewAssessment(db, w.coach, { assignmentId: reviewed.id, comment: reviewComment });

    return [
      { label: "a submitted assessment (its title)", readers: circle, sees: seesText(db, w, submitted.id, submittedTitle) },
      { label: "a submitted assessment's answers", readers: circle, sees: seesText(db, w, submitted.id, submittedAnswer) },
      { label: "a draft assessment's answers", readers: ["coachee"], sees: seesText(db, w, draft.id, draftAnswer) },
      { label: "a coach's review comment", readers: circle, sees: seesText(db, w, reviewed.id, reviewComment) },
    ];
  },
};
