import { currentMember } from "@/lib/auth/member";
import { can } from "@/lib/authz/permissions";
import { TEMPLATE } from "@/lib/imports/parse";
import { csvResponse } from "@/lib/web/csv-response";

export const dynamic = "force-dynamic";

/** The import template: instructions as # comments, the header row and an example row. */
export async function GET(_request: Request, { params }: { params: Promise<{ org: string }> }) {
  const member = await currentMember((await params).org);
  if (!member || !can(member.role, "imports:run")) return new Response("Not found", { status: 404 });
  return csvResponse(`\uFEFF${TEMPLATE}\r\n`, "pathwise-import-template.csv");
}
