import { addComment, listCoacheeComments, listComments } from "../../../lib/goals/comments";
import { createActionItem, createGoal } from "../../factories";
import type { TestActor } from "../../factories/actor";
import { anyShows, shows, type PrivacyKind } from "../../support/privacy";

// Comments on goals and actions: shared between the coachee and every coach of theirs, whoever wrote them.
export const goalComments: PrivacyKind = {
  kind: "goal and action comments",
  models: ["Comment"],
  async items(db, w) {
    const coachee = { organizationId: w.org.id, id: w.coachee.membershipId };
    const goal = await createGoal(db, coachee, { title: "Privacy goal" });
    const action = await createActionItem(db, coachee, { goal, title: "Privacy action" });
    const circle = ["coach", "secondCoach", "coachee"] as const;
    const made = [
      { label: "coach's comment on a goal", by: w.coach, on: { goalId: goal.id } },
      { label: "coachee's comment on an action", by: w.coachee, on: { actionId: action.id } },
    ];
    return Promise.all(
      made.map(async ({ label, by, on }) => {
        const body = `Secret words ${crypto.randomUUID()}`;
        await addComment(db, by, { ...on, body });
        const has = (list: Array<{ body: string }>) => list.some((c) => c.body === body);
        return {
          label,
          readers: circle,
          sees: (viewer: TestActor) =>
            anyShows([
              () => shows(listComments(db, viewer, on), has),
              () => shows(listCoacheeComments(db, viewer, w.coachee.membershipId), (all) => JSON.stringify(all).includes(body)),
            ]),
        };
      }),
    );
  },
};
