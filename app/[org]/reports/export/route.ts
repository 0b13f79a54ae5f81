import { currentMember, memberActor } from "@/lib/auth/member";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { pathwayReportCsv } from "@/lib/reports/pathway-report";
import { csvResponse } from "@/lib/web/csv-response";

export const dynamic = "force-dynamic";

/** The outcomes report as CSV; authorizes itself like a page (a 404 when not allowed). */
export async function GET(_request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await currentMember(org);
  if (!member || !can(member.role, "programmes:view")) return new Response("Not found", { status: 404 });
  const csv = await pathwayReportCsv(db(), memberActor(member));
  return csvResponse(csv, `pathway-report-${member.organization.slug}-${new Date().toISOString().slice(0, 10)}.csv`);
}
