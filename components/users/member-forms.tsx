"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

type Option = { value: string; label: string };

type Member = { id: string; firstName: string; lastName: string; timezone: string; unitId: string; role: string; programmeIds: string[] };

const CONTROL = "block w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

/** Edit a member: name, time zone, unit, role with its programmes or duration. */
export function MemberForm(props: {
  org: string;
  member: Member;
  roles: Option[];
  scopedRoles: string[];
  units: Option[];
  programmes: Option[];
  timezones: readonly string[];
  durations: Option[];
  action: FormAction;
}) {
  const { org, member, roles, scopedRoles, units, programmes, timezones, durations, action } = props;
  const [result, formProps, pending] = useFormAction(action);
  const [role, setRole] = useState(member.role);
  const scoped = scopedRoles.includes(role);
  const programmeError = fieldError(result, "programmeIds");
  return (
    <form {...formProps} noValidate aria-labelledby="edit-heading" className="max-w-lg">
      <h2 id="edit-heading" className="mb-4 text-lg font-semibold">
        Edit
      </h2>
      <FormStatus result={result} />
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="membershipId" value={member.id} />
      <Field label="First name" name="firstName" defaultValue={member.firstName} error={fieldError(result, "firstName")} />
      <Field label="Last name" name="lastName" defaultValue={member.lastName} error={fieldError(result, "lastName")} />
      <SelectField label="Time zone" name="timezone" defaultValue={member.timezone} options={timezones} error={fieldError(result, "timezone")} />
      <div className="mb-4">
        <label htmlFor="member-unit" className="mb-1 block text-sm font-medium text-slate-700">
          Unit
        </label>
        <select
          id="member-unit"
          name="unitId"
          defaultValue={member.unitId}
          className={CONTROL}
          aria-describedby={fieldError(result, "unitId") ? "member-unit-error" : undefined}
        >
          <option value="">No unit</option>
          {units.map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </select>
        {fieldError(result, "unitId") ? (
          <p id="member-unit-error" role="alert" className="mt-1 text-sm text-red-700">
            {fieldError(result, "unitId")}
          </p>
        ) : null}
      </div>
      <div className="mb-4">
        <label htmlFor="member-role" className="mb-1 block text-sm font-medium text-slate-700">
          Role
        </label>
        <select
          id="member-role"
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value)}
          className={CONTROL}
          aria-describedby={fieldError(result, "role") ? "member-role-error" : undefined}
        >
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        {fieldError(result, "role") ? (
          <p id="member-role-error" role="alert" className="mt-1 text-sm text-red-700">
            {fieldError(result, "role")}
          </p>
        ) : null}
      </div>
      {role === "IMPLEMENTATION_ADMIN" ? (
        <div className="mb-4">
          <label htmlFor="member-duration" className="mb-1 block text-sm font-medium text-slate-700">
            Access lasts
          </label>
          <select id="member-duration" name="duration" defaultValue="" className={CONTROL}>
            <option value="">Keep the current end date</option>
            {durations.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
          {fieldError(result, "duration") ? (
            <p role="alert" className="mt-1 text-sm text-red-700">
              {fieldError(result, "duration")}
            </p>
          ) : null}
        </div>
      ) : null}
      {scoped ? (
        <fieldset className="mb-4" aria-describedby={programmeError ? "member-programmes-error" : "member-programmes-hint"}>
          <legend className="mb-1 text-sm font-medium text-slate-700">Programmes</legend>
          <p id="member-programmes-hint" className="mb-2 text-xs text-slate-500">
            This role works only on the programmes ticked here: at least one.
          </p>
          {programmes.length === 0 ? <p className="text-sm text-slate-600">There are no programmes yet: create one first.</p> : null}
          {programmes.map((p) => (
            <label key={p.value} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="programmeIds" value={p.value} defaultChecked={member.programmeIds.includes(p.value)} />
              {p.label}
            </label>
          ))}
          {programmeError ? (
            <p id="member-programmes-error" role="alert" className="mt-1 text-sm text-red-700">
              {programmeError}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <Button type="submit" disabled={pending}>
        Save changes
      </Button>
    </form>
  );
}

/** Deactivate or reactivate, behind a confirmation dialog that says what will happen. */
export function StatusChange({
  org,
  membershipId,
  name,
  mode,
  action,
}: {
  org: string;
  membershipId: string;
  name: string;
  mode: "deactivate" | "reactivate";
  action: FormAction;
}) {
  const [result, formProps, pending] = useFormAction(action);
  const dialog = useRef<HTMLDialogElement>(null);
  const label = mode === "deactivate" ? "Deactivate" : "Reactivate";
  const explain =
    mode === "deactivate"
      ? `${name} will be signed out at once and cannot sign in. Their seat frees up; their goals, notes, pathways and history stay, and you can reactivate them later.`
      : `${name} takes a seat again and gets an email with a link to choose a new password, which they must use before signing in.`;
  return (
    <form {...formProps} noValidate>
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <FormStatus result={result} />
      <button
        type="button"
        disabled={pending}
        onClick={() => dialog.current?.showModal()}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
      >
        {label} {name}
      </button>
      <dialog ref={dialog} aria-labelledby={`${mode}-title`} className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40">
        <h2 id={`${mode}-title`} className="mb-2 text-lg font-semibold">
          {label} {name}?
        </h2>
        <p className="mb-4 text-sm text-slate-700">{explain}</p>
        <div className="flex justify-end gap-3">
          <button type="button" className="rounded-md border border-slate-300 px-4 py-2 text-sm" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <Button type="submit" onClick={() => dialog.current?.close()}>
            {label}
          </Button>
        </div>
      </dialog>
    </form>
  );
}
