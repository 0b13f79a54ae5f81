import { memberActor, currentMember } from "@/lib/auth/member";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { formatDate, viewerClock } from "@/lib/format/dates";
import { exportUsersCsv } from "@/lib/users/export";
import { userFilterSchema } from "@/lib/users/list";
import { csvResponse } from "@/lib/web/csv-response";
import { searchParamsOf } from "@/lib/web/search-params";

export const dynamic = "force-dynamic";

/**
 * The Users list as CSV, with the filters and sort of the page it was asked from. Authorizes itself:
 * a missing, foreign or forbidden organisation is a plain 404, like a page.
 */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await currentMember(org);
  if (!member || !can(member.role, "users:view")) return new Response("Not found", { status: 404 });
  const filter = userFilterSchema.parse(searchParamsOf(new URL(request.url).searchParams));
  const { zone } = viewerClock(member.user);
  const rows = exportUsersCsv(db(), memberActor(member), filter, zone);
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
  const filename = `users-${member.organization.slug}-${formatDate(new Date(), zone)}.csv`;
  return csvResponse(body, filename);
}
