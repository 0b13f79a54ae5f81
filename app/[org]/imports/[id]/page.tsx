import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmImport, ImportOutcome } from "@/components/imports/confirm-import";
import { Pagination } from "@/components/ui/pagination";
import { Clipped, HeaderCells, Table } from "@/components/ui/table";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { getImport, type ImportResult } from "@/lib/imports/import";
import { MAX_IMPORT_ROWS } from "@/lib/imports/parse";
import { getSeatUsage } from "@/lib/users/seats";
import { firstValues, pageNumber, queryWith, type RawSearchParams } from "@/lib/web/search-params";
import { clampPage, pageCount } from "@/lib/web/pagination";
import { confirmImportAction } from "../actions";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Import check" };

const PAGE = 100;
const COLOURS = { green: "Ready", yellow: "Skipped", red: "Needs fixing" } as const;
const STYLE = { green: "bg-green-100 text-green-900", yellow: "bg-amber-100 text-amber-900", red: "bg-red-100 text-red-900" } as const;

export default async function ImportPreviewPage({ params, searchParams }: { params: Promise<{ org: string; id: string }>; searchParams: Promise<RawSearchParams> }) {
  const { org, id } = await params;
  const member = await requireMember(org, "imports:run");
  const actor = memberActor(member);
  const preview = await orNotFound(getImport(db(), actor, id));
  const query = firstValues(await searchParams);
  const colour = query.colour === "green" || query.colour === "yellow" || query.colour === "red" ? query.colour : undefined;
  const shown = preview.rows.filter((r) => !colour || r.colour === colour);
  const pages = pageCount(shown.length, PAGE);
  const page = clampPage(pageNumber(Math.ceil(MAX_IMPORT_ROWS / PAGE)).parse(query.page), pages);
  const seats = await getSeatUsage(db(), actor);
  const filter = { colour, page };
  const back = preview.cohort ? `/${org}/cohorts/${preview.cohort.id}` : `/${org}/users`;

  return (
    <section className="space-y-6">
      <div>
        <BackLink href={back}>{preview.cohort ? `${preview.cohort.programme.name} › ${preview.cohort.name}` : "Users"}</BackLink>
        <h1 className="mt-1 text-2xl font-semibold">
          Import check: <Clipped text={preview.fileName} />
        </h1>
      </div>

      <nav aria-label="Rows by colour" className="flex flex-wrap gap-3 text-sm">
        <Link href={queryWith({}, {})} aria-current={!colour ? "page" : undefined} className="rounded-md border border-slate-300 bg-white px-3 py-1 aria-[current=page]:font-semibold">
          All {preview.rows.length}
        </Link>
        {(["green", "yellow", "red"] as const).map((c) => (
          <Link key={c} href={queryWith({}, { colour: c })} aria-current={colour === c ? "page" : undefined} className={`rounded-md px-3 py-1 aria-[current=page]:font-semibold ${STYLE[c]}`}>
            {COLOURS[c]}: {preview[c]}
          </Link>
        ))}
      </nav>

      {preview.unknownColumns.length ? (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          Columns this import does not use were ignored: {preview.unknownColumns.join(", ")}.
        </p>
      ) : null}
      <p className="text-sm">Seats: imported people are participants, who take no seat (0 needed; {Math.max(0, seats.limit - seats.used)} of {seats.limit} free).</p>

      {preview.status === "CONFIRMED" ? (
        <ImportOutcome result={preview.result as unknown as ImportResult} />
      ) : (
        <div className="flex flex-wrap items-start gap-4">
          <ConfirmImport org={org} importId={preview.id} green={preview.green} red={preview.red} action={confirmImportAction} />
          {preview.red ? (
            <a href={`/${org}/imports/${preview.id}/red`} download className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100">
              Download the {preview.red} red row{preview.red === 1 ? "" : "s"} to fix
            </a>
          ) : null}
          <Link href={preview.cohort ? `/${org}/cohorts/${preview.cohort.id}/import` : `/${org}/users/import`} className="px-2 py-2 text-sm text-indigo-700 underline">
            Upload another file
          </Link>
        </div>
      )}

      <Table>
        <caption className="sr-only">Rows</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <HeaderCells labels={["Row", "Status", "Email", "Name", "What happens / what to fix"]} />
          </tr>
        </thead>
        <tbody>
          {shown.slice((page - 1) * PAGE, page * PAGE).map((r) => (
            <tr key={r.row} className="border-b border-slate-100 align-top">
              <td className="p-2">{r.row}</td>
              <td className="p-2">
                <span className={`rounded px-2 py-0.5 ${STYLE[r.colour]}`}>{COLOURS[r.colour]}</span>
              </td>
              <td className="p-2">
                <Clipped text={r.raw.email} />
              </td>
              <td className="p-2">
                <Clipped text={`${r.raw.first_name} ${r.raw.last_name}`} />
              </td>
              <td className="p-2">
                {r.colour === "red" ? (
                  <ul>
                    {Object.entries(r.errors).map(([field, message]) => (
                      <li key={field}>
                        <strong>{field}</strong>: <Clipped text={message} max={200} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Clipped text={r.note} max={200} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination page={page} pages={pages} href={(p) => queryWith(filter, { page: p }, { page: 1 })} />
    </section>
  );
}
