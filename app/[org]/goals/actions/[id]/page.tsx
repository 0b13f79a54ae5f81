import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { CommentThread } from "@/components/goals/comment-thread";
import { placeOptions } from "@/components/goals/goal-tree";
import { MoveActionItemForm } from "@/components/goals/goal-forms";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { profileTabPath } from "@/lib/coachees/profile-tabs";
import { viewerClock } from "@/lib/format/dates";
import { getActionItem } from "@/lib/goals/action-items";
import { listCoacheeComments } from "@/lib/goals/comments";
import { placeValue } from "@/lib/goals/place-choice";
import { placesOf } from "@/lib/goals/views";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { GOAL_ACTIONS } from "../../goal-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Goals.actionPage"))("title") };
}

const querySchema = z.object({ all: z.literal("1").optional().catch(undefined) });

/**
 * One action's page, for the coachee and their coaches: its comment thread (the newest, or all with
 * ?all=1) and moving it to another goal or milestone. Both live here rather than on each action of a
 * list, where the list of every place and a long thread made a page grow with actions times places.
 */
export default async function ActionPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org, id } = await params;
  const t = await getTranslations("Goals.actionPage");
  const member = await requireMember(org, ["coachees:manage", "goals:own"]);
  const actor = memberActor(member);
  const { all } = querySchema.parse(firstValues(await searchParams));
  const action = await orNotFound(getActionItem(db(), actor, id));
  const [places, comments] = await Promise.all([
    placesOf(db(), actor, action.coacheeMembershipId),
    listCoacheeComments(db(), actor, action.coacheeMembershipId, {
      goalIds: [],
      actionIds: [action.id],
      full: all ? action.id : undefined,
    }),
  ]);
  const own = can(member.role, "goals:own");
  const back = own
    ? `/${org}/actions#action-${action.id}`
    : `${profileTabPath(org, action.coacheeMembershipId, "actions")}#action-${action.id}`;
  return (
    <section className="space-y-8">
      <PageHeader
        back={{ href: back, label: t("back") }}
        title={action.title}
        description={
          action.description ? <span className="whitespace-pre-line [overflow-wrap:anywhere]">{action.description}</span> : undefined
        }
      />
      <div id="comments" className="scroll-mt-20">
        <CommentThread
          org={org}
          subject={{ actionId: action.id }}
          on={action.title}
          comments={comments.byAction[action.id] ?? []}
          total={comments.totals[action.id] ?? 0}
          allHref={`/${org}/goals/actions/${action.id}?all=1#comments`}
          zone={viewerClock(member.user).zone}
          actions={GOAL_ACTIONS.comments}
        />
      </div>
      <Section id="move-heading" title={t("move")}>
        <MoveActionItemForm
          org={org}
          actionId={action.id}
          title={action.title}
          current={placeValue(action)}
          places={placeOptions(places, await getTranslations("Goals.places"))}
          action={GOAL_ACTIONS.moveActionItem}
        />
      </Section>
    </section>
  );
}
