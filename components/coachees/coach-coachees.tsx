import { useTranslations } from "next-intl";
import { MembershipStatusBadge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable } from "@/components/ui/table";
import type { MembershipStatus } from "@/lib/db/generated/enums";

type Row = { id: string; firstName: string; lastName: string; status: MembershipStatus; programmes: string[] };

/** A coach's coachees as an admin or programme manager sees them on the coach's page: names, status, programmes. */
export function CoachCoachees({ org, rows, total, scoped }: { org: string; rows: Row[]; total: number; scoped: boolean }) {
  const t = useTranslations("Coachees.ofCoach");
  const name = (r: Row) => `${r.firstName} ${r.lastName}`.trim() || t("noName");
  return (
    <>
      {total > rows.length ? <p className="mb-2 text-sm text-muted">{t("first", { shown: rows.length, total })}</p> : null}
      <DataTable
        caption={scoped ? t("scoped") : t("all")}
        captionHidden
        narrow
        rows={rows}
        rowKey={(r) => r.id}
        empty={<EmptyState inline>{scoped ? t("emptyScoped") : t("empty")}</EmptyState>}
        columns={[
          { header: t("name"), cell: (r) => <TextLink href={`/${org}/users/${r.id}`}>{name(r)}</TextLink> },
          { header: t("status"), cell: (r) => <MembershipStatusBadge status={r.status} /> },
          { header: t("programmes"), cell: (r) => (r.programmes.length ? r.programmes.join(", ") : "–") },
        ]}
      />
    </>
  );
}
