"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { BulkResult } from "@/lib/users/bulk-step";
import { HeaderCells, Table } from "@/components/ui/table";

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: string;
  unit: string;
  status: string;
  timezone: string;
  joined: string;
  lastActive: string;
};

const OPS = {
  deactivate: {
    label: "Deactivate",
    warning: "They will be signed out at once and cannot sign in. Their seats free up; their goals, notes, pathways and history stay.",
  },
  resend: {
    label: "Resend invitations to",
    warning: "Each selected user with a pending invitation gets a fresh link; their earlier links stop working. Users with nothing pending are skipped.",
  },
  reactivate: {
    label: "Reactivate",
    warning: "Seats are checked for all of them at once. Each gets an email to choose a new password, which they must do before signing in.",
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
type Props = { org: string; rows: UserRow[]; total: number; query: string; canManage: boolean; action: FormAction<BulkResult>; empty: ReactNode };

export function UsersTable({ org, rows, total, query, canManage, action, empty }: Props) {
  const [result, formProps, pending] = useFormAction(action);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [all, setAll] = useState(false);
  const [op, setOp] = useState<keyof typeof OPS>("deactivate");
  const dialog = useRef<HTMLDialogElement>(null);
  const count = all ? total : selected.size;
  // After a step is applied the list changes under the selection: start afresh.
  useEffect(() => {
    if (result?.ok && result.data?.applied) {
      setSelected(new Set());
      setAll(false);
    }
  }, [result]);
  const pageSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <form {...formProps} noValidate>
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="query" value={query} />
      <input type="hidden" name="op" value={op} />
      {all ? <input type="hidden" name="all" value="1" /> : null}
      {canManage && rows.length > 0 ? (
        <div className="mb-3 flex flex-wrap items-end gap-3" role="group" aria-label="Bulk actions">
          <div>
            <label htmlFor="bulk-op" className="mb-1 block text-sm font-medium text-slate-700">
              With the selected users
            </label>
            <select
              id="bulk-op"
              value={op}
              onChange={(e) => setOp(e.target.value as keyof typeof OPS)}
              className="rounded-md border border-slate-300 px-3 py-2 text-sm"
            >
              {Object.entries(OPS).map(([value, o]) => (
                <option key={value} value={value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <Button type="button" disabled={count === 0 || pending} onClick={() => dialog.current?.showModal()}>
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

      <dialog ref={dialog} aria-labelledby="bulk-confirm-title" className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40">
        <h2 id="bulk-confirm-title" className="mb-2 text-lg font-semibold">
          {OPS[op].label} {count} user{count === 1 ? "" : "s"}?
        </h2>
        <p className="mb-4 text-sm text-slate-700">{OPS[op].warning}</p>
        <div className="flex justify-end gap-3">
          <button type="button" className="rounded-md border border-slate-300 px-4 py-2 text-sm" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <Button type="submit" onClick={() => dialog.current?.close()}>
            {OPS[op].label}
          </Button>
        </div>
      </dialog>

      {result ? <BulkOutcome result={result} /> : null}

      {/* The outcome of a step stays in view even when the step empties the list. */}
      {rows.length === 0 ? empty : null}
      <Table hidden={rows.length === 0}>
        <caption className="sr-only">Users</caption>
        <thead>
          <tr className="border-b border-slate-200">
            {canManage ? (
              <th scope="col" className="w-8 p-2">
                <input
                  type="checkbox"
                  aria-label="Select every user on this page"
                  checked={pageSelected}
                  onChange={() => setSelected(pageSelected ? new Set() : new Set(rows.map((r) => r.id)))}
                />
              </th>
            ) : null}
            <HeaderCells labels={["Name", "Email", "Role", "Unit", "Status", "Time zone", "Joined", "Last active"]} />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100">
              {canManage ? (
                <td className="min-w-0 p-2">
                  <input
                    type="checkbox"
                    name="membershipIds"
                    value={r.id}
                    aria-label={`Select ${r.name}`}
                    checked={all || selected.has(r.id)}
                    disabled={all}
                    onChange={() => toggle(r.id)}
                  />
                </td>
              ) : null}
              <td className="p-2">
                <Link href={`/${org}/users/${r.id}`} className="font-medium text-indigo-700 underline">
                  {r.name}
                </Link>
              </td>
              <td className="p-2">{r.email}</td>
              <td className="p-2">{r.role}</td>
              <td className="p-2">{r.unit}</td>
              <td className="p-2">{r.status}</td>
              <td className="p-2">{r.timezone}</td>
              <td className="p-2 whitespace-nowrap">{r.joined}</td>
              <td className="p-2 whitespace-nowrap">{r.lastActive}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </form>
  );
}

function BulkOutcome({ result }: { result: NonNullable<ReturnType<typeof useFormAction<BulkResult>>[0]> }) {
  if (!result.ok) {
    return (
      <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800">
        {result.error}
      </p>
    );
  }
  const applied = result.data?.applied ?? false;
  return (
    <div role={applied ? "status" : "alert"} className={`mb-4 rounded-md p-3 text-sm ${applied ? "bg-green-50 text-green-900" : "bg-amber-50 text-amber-900"}`}>
      <p className="font-medium">{result.message}</p>
      <ul className="mt-2 list-disc pl-5">
        {result.data?.outcomes.map((o) => (
          <li key={o.membershipId}>
            {o.name}: {o.outcome === "done" ? "done" : `${o.outcome}. ${o.reason}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
