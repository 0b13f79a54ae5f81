"use client";

import { useTranslations } from "next-intl";
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

// The bulk operations, in the order the picker offers them (their words: Users.bulk.<op>).
const OPS = ["deactivate", "resend", "reactivate", "invite"] as const;
type Op = (typeof OPS)[number];

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
  const t = useTranslations("Users");
  const [result, formProps, pending] = useFormAction(action);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [all, setAll] = useState(false);
  const [op, setOp] = useState<Op>("deactivate");
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
        <div className="mb-3 flex flex-wrap items-end gap-3" role="group" aria-label={t("bulk.group")}>
          <SelectField
            label={t("bulk.withSelected")}
            name=""
            id="bulk-op"
            value={op}
            onChange={(e) => setOp(e.target.value as Op)}
            options={OPS.map((value) => ({ value, label: t(`bulk.${value}.label`) }))}
            inline
          />
          <Button variant="primary" disabled={count === 0 || pending} onClick={() => dialog.current?.showModal()}>
            {pending ? t("bulk.working") : t(`bulk.${op}.button`, { count })}
          </Button>
          {total > rows.length ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
              {t("bulk.selectAll", { count: total })}
            </label>
          ) : null}
        </div>
      ) : null}

      <ConfirmDialog
        dialog={dialog}
        titleId="bulk-confirm-title"
        title={t(`bulk.${op}.title`, { count })}
        explain={t(`bulk.${op}.warning`)}
        confirmLabel={t(`bulk.${op}.label`)}
        tone={op === "deactivate" ? "danger" : "primary"}
      />

      {result ? <BulkOutcome result={result} /> : null}

      {/* The outcome of a step stays in view even when the step empties the list. */}
      <DataTable
        caption={t("title")}
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
                label: (r) => t("bulk.selectRow", { name: r.name }),
                allLabel: t("bulk.selectPage"),
              }
            : undefined
        }
        columns={[
          {
            header: t("columns.name"),
            cell: (r) => (
              <TextLink href={`/${org}/users/${r.id}`} strong>
                {r.name}
              </TextLink>
            ),
          },
          { header: t("columns.email"), cell: (r) => r.email },
          { header: t("columns.role"), cell: (r) => <RoleBadge role={r.role} /> },
          { header: t("columns.unit"), cell: (r) => r.unit },
          { header: t("columns.status"), cell: (r) => <MembershipStatusBadge status={r.status} /> },
          { header: t("columns.timeZone"), cell: (r) => r.timezone },
          { header: t("columns.joined"), cell: (r) => r.joined, nowrap: true },
          { header: t("columns.lastActive"), cell: (r) => r.lastActive, nowrap: true },
        ]}
      />
    </form>
  );
}

function BulkOutcome({ result }: { result: NonNullable<ReturnType<typeof useFormAction<BulkResult>>[0]> }) {
  const t = useTranslations("Users.bulk");
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
          <li key={o.membershipId}>{t("outcome", { name: o.name, outcome: o.outcome, reason: o.reason ?? "" })}</li>
        ))}
      </ul>
    </Notice>
  );
}
