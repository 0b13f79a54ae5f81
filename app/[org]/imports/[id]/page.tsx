import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConfirmImport, ImportOutcome } from "@/components/imports/confirm-import";
import { Pagination } from "@/components/ui/pagination";
import { BadgeLink, IMPORT_TONE, ImportColourBadge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Clipped, DataTable } from "@/components/ui/table";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { localize, localizeAll, type Translate } from "@/lib/i18n/msg";
import { getImport, type ImportResult } from "@/lib/imports/import";
import { MAX_IMPORT_ROWS } from "@/lib/imports/parse";
import { getSeatUsage } from "@/lib/users/seats";
import { firstValues, pageNumber, queryWith, type RawSearchParams } from "@/lib/web/search-params";
import { clampPage, pageCount } from "@/lib/web/pagination";
import { confirmImportAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Imports"))("metaTitle") };
}

const PAGE = 100;

export default async function ImportPreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org, "imports:run");
  const actor = memberActor(member);
  const preview = await orNotFound(getImport(db(), actor, id));
  const query = firstValues(await searchParams);
  const colour = query.colour === "green" || query.colour === "yellow" || query.colour === "red" ? query.colour : undefined;
  const shown = preview.rows.filter((r) => !colour || r.colour === colour);
  const pages = pageCount(shown.length, PAGE);
  const page = clampPage(pageNumber(Math.ceil(MAX_IMPORT_ROWS / PAGE)).parse(query.page), pages);
  const [seats, t, tl] = await Promise.all([getSeatUsage(db(), actor), getTranslations("Imports"), getTranslations("Labels")]);
  // Each row's errors and note, and a confirmed import's reasons, as the services kept them: in message keys.
  const say = (await getTranslations()) as unknown as Translate;
  const filter = { colour, page };
  const back = preview.cohort ? `/${org}/cohorts/${preview.cohort.id}` : `/${org}/users`;

  return (
    <section className="space-y-6">
      <PageHeader
        back={{ href: back, label: preview.cohort ? `${preview.cohort.programme.name} › ${preview.cohort.name}` : t("users") }}
        title={t.rich("title", { file: () => <Clipped text={preview.fileName} /> })}
      />

      <nav aria-label={t("byColour")} className="flex flex-wrap gap-3">
        <BadgeLink href={queryWith({}, {})} current={!colour}>
          {t("all", { count: preview.rows.length })}
        </BadgeLink>
        {(["green", "yellow", "red"] as const).map((c) => (
          <BadgeLink key={c} href={queryWith({}, { colour: c })} current={colour === c} tone={IMPORT_TONE[c]}>
            {t("colourCount", { colour: tl(`importColour.${c}`), count: preview[c] })}
          </BadgeLink>
        ))}
      </nav>

      {preview.unknownColumns.length ? (
        <Notice tone="warning" role="alert">
          {t("unknownColumns", { columns: preview.unknownColumns.join(", ") })}
        </Notice>
      ) : null}
      <p className="text-sm">{t("seats", { free: Math.max(0, seats.limit - seats.used), limit: seats.limit })}</p>

      {preview.status === "CONFIRMED" ? (
        <ImportOutcome result={localizeAll(preview.result as unknown as ImportResult, say)} />
      ) : (
        <div className="flex flex-wrap items-start gap-4">
          <ConfirmImport org={org} importId={preview.id} green={preview.green} red={preview.red} action={confirmImportAction} />
          {preview.red ? (
            <LinkButton variant="secondary" href={`/${org}/imports/${preview.id}/red`} download>
              {t("downloadRed", { count: preview.red })}
            </LinkButton>
          ) : null}
          <LinkButton href={preview.cohort ? `/${org}/cohorts/${preview.cohort.id}/import` : `/${org}/users/import`} variant="quiet">
            {t("uploadAnother")}
          </LinkButton>
        </div>
      )}

      <DataTable
        caption={t("rows")}
        captionHidden
        rows={shown.slice((page - 1) * PAGE, page * PAGE)}
        rowKey={(r) => String(r.row)}
        columns={[
          { header: t("columns.row"), cell: (r) => r.row },
          { header: t("columns.status"), cell: (r) => <ImportColourBadge colour={r.colour} /> },
          { header: t("columns.email"), cell: (r) => <Clipped text={r.raw.email} /> },
          { header: t("columns.name"), cell: (r) => <Clipped text={`${r.raw.first_name} ${r.raw.last_name}`} /> },
          {
            header: t("columns.what"),
            cell: (r) =>
              r.colour === "red" ? (
                <ul>
                  {Object.entries(r.errors).map(([field, message]) => (
                    <li key={field}>
                      <strong>{field}</strong>: <Clipped text={localize(message, say)} max={200} />
                    </li>
                  ))}
                </ul>
              ) : (
                <Clipped text={localize(r.note, say)} max={200} />
              ),
          },
        ]}
      />
      <Pagination page={page} pages={pages} href={(p) => queryWith(filter, { page: p }, { page: 1 })} />
    </section>
  );
}
