import { currentMember, memberActor } from "@/lib/auth/member";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { redRowsCsv } from "@/lib/imports/import";
import { csvResponse } from "@/lib/web/csv-response";

export const dynamic = "force-dynamic";

/** The preview's red rows with an `error` column, to fix and upload again. */
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await currentMember(org);
  if (!member || !can(member.role, "imports:run")) return new Response("Not found", { status: 404 });
  try {
    return csvResponse(await redRowsCsv(db(), memberActor(member), id), "rows-to-fix.csv");
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
