import { MembershipStatusBadge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable } from "@/components/ui/table";
import type { MembershipStatus } from "@/lib/db/generated/enums";

type Row = { id: string; firstName: string; lastName: string; status: MembershipStatus; programmes: string[] };

/** A coach's coachees as an admin or programme manager sees them on the coach's page: names, status, programmes. */
export function CoachCoachees({ org, rows, total, scoped }: { org: string; rows: Row[]; total: number; scoped: boolean }) {
  const name = (r: Row) => `${r.firstName} ${r.lastName}`.trim() || "(no name yet)";
  return (
    <>
      {total > rows.length ? (
        <p className="mb-2 text-sm text-muted">
          The first {rows.length} of {total}, by name.
        </p>
      ) : null}
      <DataTable
        caption={scoped ? "Coachees in your programmes" : "Coachees"}
        captionHidden
        narrow
        rows={rows}
        rowKey={(r) => r.id}
        empty={<EmptyState inline>{scoped ? "No coachees in your programmes." : "No coachees yet."}</EmptyState>}
        columns={[
          { header: "Name", cell: (r) => <TextLink href={`/${org}/users/${r.id}`}>{name(r)}</TextLink> },
          { header: "Status", cell: (r) => <MembershipStatusBadge status={r.status} /> },
          { header: "Programmes", cell: (r) => (r.programmes.length ? r.programmes.join(", ") : "–") },
        ]}
      />
    </>
  );
}
