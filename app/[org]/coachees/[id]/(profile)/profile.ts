import { cache } from "react";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { getCoacheeProfile } from "@/lib/coachees/profile";
import { db } from "@/lib/db/client";
import { viewerClock } from "@/lib/format/dates";
import { displayName } from "@/lib/users/display-name";

/**
 * What the profile's layout and each tab's page need first: the coach (or admin) signed in, and the
 * coachee they may work, or the 404 page. Every page calls it itself, since a layout does not run
 * again on client navigation; `cache` makes the layout and the page of one request read it once.
 */
export const coacheeProfile = cache(async (org: string, id: string) => {
  const member = await requireMember(org, "coachees:manage");
  const actor = memberActor(member);
  const coachee = await orNotFound(getCoacheeProfile(db(), actor, id));
  return { org, actor, coachee, coacheeId: coachee.id, name: displayName(coachee.user), zone: viewerClock(member.user).zone };
});

export type CoacheeProfile = Awaited<ReturnType<typeof coacheeProfile>>;

export type ProfileParams = { params: Promise<{ org: string; id: string }> };
