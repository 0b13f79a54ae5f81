"use client";

import { useRef, useState, type ReactNode } from "react";
import { MembershipStatusBadge, RoleBadge } from "@/components/ui/badge";
import { Button, TextLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { DataTable } from "@/components/ui/table";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { MembershipStatus, Role } from "@/lib/db/generated/enums";
import type { BulkResult } from "@/lib/users/bulk-step";
import { plural } from "@/lib/words";
import { HiddenFields } from "@/components/ui/hidden-fields";

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  unit: string;
  status: MembershipStatus;
  timezone: string;
  /** Days in the viewer's zone, rendered on the server (<Time>). */
  joined: ReactNode;
  lastActive: ReactNode;
};

const OPS = {
  deactivate: {
    label: "Deactivate",
    warning:
      "They will be signed out at once and cannot sign in. Any seats they hold free up (participants hold none); their goals, notes, pathways and history stay.",
  },
  resend: {
    label: "Resend invitations to",
    warning:
      "Each selected user with a pending invitation gets a fresh link; their earlier links stop working. Users with nothing pending are skipped.",
  },
  reactivate: {
    label: "Reactivate",
    warning:
      "Seats are checked for all of them at once (participants need none). Each gets an email to choose a new password, which they must do before signing in.",
  },
  invite: {
    label: "Invite",
    warning:
      "Users who were never invited, or were deactivated before they joined, get an invitation with the role, programmes and unit they have. Seats are checked for all of them at once.",
  },
} as const;

/**
 * The Users table with row selection and bulk actions. Ticked rows, or every user matching the
 * current filter, go to one server action; a confirmation dialog says what will happen first.
 */
type Props = {
  org: string;
  rows: UserRow[];
  total: number;
  query: string;
  canManage: boolean;
  action: FormAction<BulkResult>;
  empty: ReactNode;
};

export function UsersTable({ org, rows, total, query, canManage, action, empty }: Props) {
  const [result, formProps, pending] = useFormAction(action);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [all, setAll] = useState(false);
  const [op, setOp] = useState<keyof typeof OPS>("deactivate");
  const dialog = useRef<HTMLDialogElement>(null);
  const count = all ? total : selected.size;
  // After a step is applied the list changes under the selection: start afresh (once per result).
  const [seen, setSeen] = useState(result);
  if (result !== seen) {
    setSeen(result);
    if (result?.ok && result.data?.applied) {
      setSelected(new Set());
      setAll(false);
    }
  }

  return (
    <form {...formProps} noValidate>
      <HiddenFields fields={{ org, query, op }} />
      {all ? <input type="hidden" name="all" value="1" /> : null}
      {canManage && rows.length > 0 ? (
        <div className="mb-3 flex flex-wrap items-end gap-3" role="group" aria-label="Bulk actions">
          <SelectField
            label="With the selected users"
            name=""
            id="bulk-op"
            value={op}
            onChange={(e) => setOp(e.target.value as keyof typeof OPS)}
            options={Object.entries(OPS).map(([value, o]) => ({ value, label: o.label }))}
            inline
          />
          <Button variant="primary" disabled={count === 0 || pending} onClick={() => dialog.current?.showModal()}>
            {pending ? "Working…" : `${OPS[op].label} ${count} selected`}
          </Button>
          {total > rows.length ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
              Select all {total.toLocaleString("en")} users that match the filter
            </label>
          ) : null}
        </div>
      ) : null}

      <ConfirmDialog
        dialog={dialog}
        titleId="bulk-confirm-title"
        title={`${OPS[op].label} ${plural(count, "user")}?`}
        explain={OPS[op].warning}
        confirmLabel={OPS[op].label}
        tone={op === "deactivate" ? "danger" : "primary"}
      />

      {result ? <BulkOutcome result={result} /> : null}

      {/* The outcome of a step stays in view even when the step empties the list. */}
      <DataTable
        caption="Users"
        captionHidden
        rows={rows}
        rowKey={(r) => r.id}
        empty={empty}
        selection={
          canManage
            ? {
                name: "membershipIds",
                selected,
                onChange: setSelected,
                all,
                label: (r) => `Select ${r.name}`,
                allLabel: "Select every user on this page",
              }
            : undefined
        }
        columns={[
          {
            header: "Name",
            cell: (r) => (
              <TextLink href={`/${org}/users/${r.id}`} strong>
                {r.name}
              </TextLink>
            ),
          },
          { header: "Email", cell: (r) => r.email },
          { header: "Role", cell: (r) => <RoleBadge role={r.role} /> },
          { header: "Unit", cell: (r) => r.unit },
          { header: "Status", cell: (r) => <MembershipStatusBadge status={r.status} /> },
          { header: "Time zone", cell: (r) => r.timezone },
          { header: "Joined", cell: (r) => r.joined, nowrap: true },
          { header: "Last active", cell: (r) => r.lastActive, nowrap: true },
        ]}
      />
    </form>
  );
}

function BulkOutcome({ result }: { result: NonNullable<ReturnType<typeof useFormAction<BulkResult>>[0]> }) {
  if (!result.ok) {
    return (
      <Notice tone="error" role="alert">
        {result.error}
      </Notice>
    );
  }
  const applied = result.data?.applied ?? false;
  return (
    <Notice tone={applied ? "success" : "warning"} role={applied ? "status" : "alert"}>
      <p className="font-medium">{result.message}</p>
      <ul className="mt-2 list-disc ps-5">
        {result.data?.outcomes.map((o) => (
          <li key={o.membershipId}>
            {o.name}: {o.outcome === "done" ? "done" : `${o.outcome}. ${o.reason}`}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
