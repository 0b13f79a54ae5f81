import { memberRoute } from "@/lib/actions/route";
import { db } from "@/lib/db/client";
import { isoDate, viewerClock } from "@/lib/format/dates";
import { requestLocale } from "@/lib/i18n/request-locale";
import { exportUsersCsv } from "@/lib/users/export";
import { userFilterSchema } from "@/lib/users/list";
import { csvResponse } from "@/lib/web/csv-response";
import { searchParamsOf } from "@/lib/web/search-params";

export const dynamic = "force-dynamic";

/** The Users list as CSV, with the filters and sort of the page it was asked from. */
export const GET = memberRoute("users:view", async (request, { actor, member }) => {
  const filter = userFilterSchema.parse(searchParamsOf(new URL(request.url).searchParams));
  const { zone } = viewerClock(member.user);
  const rows = exportUsersCsv(db(), actor, filter, zone, await requestLocale());
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    // Pulled one batch at a time: a slow download holds back the database reads, memory stays flat.
    async pull(controller) {
      const { value, done } = await rows.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const filename = `users-${member.organization.slug}-${isoDate(new Date(), zone)}.csv`;
  return csvResponse(body, filename);
});
