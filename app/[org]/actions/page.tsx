import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionItemsView } from "@/components/goals/action-items-view";
import { ActionItemForm } from "@/components/goals/goal-forms";
import { placeOptions } from "@/components/goals/goal-tree";
import { Disclosure } from "@/components/goals/disclosure";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { listCoacheeComments } from "@/lib/goals/comments";
import { actionItemFilterSchema, listActionItems } from "@/lib/goals/list-action-items";
import { placesOf } from "@/lib/goals/views";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { GOAL_ACTIONS } from "../goals/goal-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Goals.actionsPage"))("title") };
}

/** A participant's own actions, every goal's and the standalone ones. */
export default async function ActionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const t = await getTranslations("Goals.actionsPage");
  const member = await requireMember(org, "goals:own");
  const actor = memberActor(member);
  const filter = actionItemFilterSchema.parse(firstValues(await searchParams));
  const [list, places] = await Promise.all([
    listActionItems(db(), actor, member.membershipId, filter),
    placesOf(db(), actor, member.membershipId),
  ]);
  const comments = await listCoacheeComments(db(), actor, member.membershipId, {
    goalIds: [],
    actionIds: [],
    countIds: list.rows.map((r) => r.id),
  });
  return (
    <section>
      <PageHeader title={t("title")} description={t("description")} />
      <ActionItemsView
        org={org}
        coacheeId={member.membershipId}
        own
        list={list}
        filter={filter}
        actions={GOAL_ACTIONS}
        comments={comments}
        newAction={
          <Disclosure summary={t("newAction")}>
            <ActionItemForm
              org={org}
              coacheeId={member.membershipId}
              ownGoals
              places={placeOptions(places, await getTranslations("Goals.places"))}
              action={GOAL_ACTIONS.createActionItem}
            />
          </Disclosure>
        }
      />
    </section>
  );
}
