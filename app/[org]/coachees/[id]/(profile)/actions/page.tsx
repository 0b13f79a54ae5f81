import { getTranslations } from "next-intl/server";
import { ActionItemsView } from "@/components/goals/action-items-view";
import { Disclosure } from "@/components/goals/disclosure";
import { ActionItemForm } from "@/components/goals/goal-forms";
import { placeOptions } from "@/components/goals/goal-tree";
import { db } from "@/lib/db/client";
import { listCoacheeComments } from "@/lib/goals/comments";
import { actionItemFilterSchema, listActionItems } from "@/lib/goals/list-action-items";
import { placesOf } from "@/lib/goals/views";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { GOAL_ACTIONS } from "../../../../goals/goal-actions";
import { coacheeProfile, type ProfileParams } from "../profile";

/** Every action of the coachee's, filtered and paged through the URL. */
export default async function CoacheeActionsPage({ params, searchParams }: ProfileParams & { searchParams: Promise<RawSearchParams> }) {
  const { org, id } = await params;
  const t = await getTranslations("Goals.actionsPage");
  const { actor, coacheeId, name } = await coacheeProfile(org, id);
  const filter = actionItemFilterSchema.parse(firstValues(await searchParams));
  const [list, places] = await Promise.all([listActionItems(db(), actor, coacheeId, filter), placesOf(db(), actor, coacheeId)]);
  const comments = await listCoacheeComments(db(), actor, coacheeId, { goalIds: [], actionIds: [], countIds: list.rows.map((r) => r.id) });
  return (
    <ActionItemsView
      org={org}
      coacheeId={coacheeId}
      own={false}
      list={list}
      filter={filter}
      actions={GOAL_ACTIONS}
      name={name}
      comments={comments}
      newAction={
        <Disclosure summary={t("newActionFor", { name })}>
          <ActionItemForm
            org={org}
            coacheeId={coacheeId}
            ownGoals={false}
            places={placeOptions(places, await getTranslations("Goals.places"))}
            action={GOAL_ACTIONS.createActionItem}
          />
        </Disclosure>
      }
    />
  );
}
