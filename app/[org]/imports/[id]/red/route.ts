import { memberRoute } from "@/lib/actions/route";
import { db } from "@/lib/db/client";
import { requestLocale } from "@/lib/i18n/request-locale";
import { redRowsCsv } from "@/lib/imports/import";
import { csvResponse } from "@/lib/web/csv-response";

export const dynamic = "force-dynamic";

/** The preview's red rows with an `error` column, to fix and upload again. */
export const GET = memberRoute<{ org: string; id: string }>("imports:run", async (_request, { actor, params }) =>
  csvResponse(await redRowsCsv(db(), actor, params.id, await requestLocale()), "rows-to-fix.csv"),
);
