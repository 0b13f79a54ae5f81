import { currentMember, memberActor } from "@/lib/auth/member";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { viewerClock } from "@/lib/format/dates";
import { pathwayReportCsv } from "@/lib/pathways/reports";
import { csvResponse } from "@/lib/web/csv-response";

export const dynamic = "force-dynamic";

/** The outcomes report as CSV; authorizes itself like a page (a 404 when not allowed). */
export async function GET(_request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await currentMember(org);
  if (!member || !can(member.role, "programmes:view")) return new Response("Not found", { status: 404 });
  const csv = await pathwayReportCsv(db(), memberActor(member));
  return csvResponse(csv, `pathway-report-${member.organization.slug}-${viewerClock(member.user).date(new Date())}.csv`);
}
