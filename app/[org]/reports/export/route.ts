import { memberRoute } from "@/lib/actions/route";
import { db } from "@/lib/db/client";
import { isoDate, viewerClock } from "@/lib/format/dates";
import { requestLocale } from "@/lib/i18n/request-locale";
import { pathwayReportCsv } from "@/lib/reports/pathway-report";
import { csvResponse } from "@/lib/web/csv-response";

export const dynamic = "force-dynamic";

/** The outcomes report as CSV. */
export const GET = memberRoute("programmes:view", async (_request, { actor, member }) => {
  const csv = await pathwayReportCsv(db(), actor, await requestLocale());
  return csvResponse(csv, `pathway-report-${member.organization.slug}-${isoDate(new Date(), viewerClock(member.user).zone)}.csv`);
});
