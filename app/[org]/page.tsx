import { StaffDashboard } from "@/components/dashboard/staff-dashboard";
import { ParticipantHome } from "@/components/portal/participant-home";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { viewerClock } from "@/lib/format/dates";
import { coacheesNeedingAttention } from "@/lib/goals/attention";
import { pathwaysInReach, pathwayWatchlist } from "@/lib/pathways/read";
import { participantHome } from "@/lib/portal/home";
import { requestsForMe } from "@/lib/coaching/requests";
import { listProgrammesWithCounts } from "@/lib/programmes/programmes";

// The organisation's front page: a participant's own home, or the dashboard of everyone else.
export default async function Home({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "dashboard:view");
  const actor = memberActor(member);
  if (can(member.role, "portal:use")) {
    const [home, requests] = await Promise.all([participantHome(db(), actor), requestsForMe(db(), actor)]);
    return <ParticipantHome org={org} member={member} zone={viewerClock(member.user).zone} home={home} requests={requests.length} />;
  }
  const programmesView = can(member.role, "programmes:view");
  const [programmes, watchlist, mine, attention] = await Promise.all([
    programmesView ? listProgrammesWithCounts(db(), actor) : null,
    can(member.role, "pathways:view") ? pathwayWatchlist(db(), actor) : null,
    // Coaches, who have no programme pages: the pathways they work on.
    !programmesView && can(member.role, "pathways:view") ? pathwaysInReach(db(), actor) : null,
    can(member.role, "coachees:manage") ? coacheesNeedingAttention(db(), actor) : null,
  ]);
  return <StaffDashboard org={org} member={member} programmes={programmes} watchlist={watchlist} mine={mine} attention={attention} />;
}
