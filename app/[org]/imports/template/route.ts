import { memberRoute } from "@/lib/actions/route";
import { TEMPLATE } from "@/lib/imports/parse";
import { csvResponse } from "@/lib/web/csv-response";

export const dynamic = "force-dynamic";

/** The import template: instructions as # comments, the header row and an example row. */
export const GET = memberRoute("imports:run", async () => csvResponse(`\uFEFF${TEMPLATE}\r\n`, "pathwise-import-template.csv"));
