"use client";

import { useState } from "react";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, Field, SelectField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

type Option = { value: string; label: string };

/** `timezone` is null for someone who has not joined: they choose it when they accept. */
type Member = { id: string; firstName: string; lastName: string; timezone: string | null; unitId: string; role: string; programmeIds: string[] };


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
      {member.timezone === null ? null : (
        <SelectField label="Time zone" name="timezone" defaultValue={member.timezone} options={timezones} error={fieldError(result, "timezone")} />
      )}
      <SelectField label="Unit" name="unitId" id="member-unit" defaultValue={member.unitId} options={units} empty="No unit" error={fieldError(result, "unitId")} />
      <SelectField label="Role" name="role" id="member-role" value={role} onChange={(e) => setRole(e.target.value)} options={roles} error={fieldError(result, "role")} />
      {role === "IMPLEMENTATION_ADMIN" ? (
        <SelectField
          label="Access lasts"
          name="duration"
          id="member-duration"
          defaultValue=""
          options={durations}
          empty="Keep the current end date"
          error={fieldError(result, "duration")}
        />
      ) : null}
      {scoped ? (
        <CheckboxGroup
          legend="Programmes"
          name="programmeIds"
          options={programmes}
          checked={member.programmeIds}
          hint="This role works only on the programmes ticked here: at least one."
          empty="There are no programmes yet: create one first."
          error={fieldError(result, "programmeIds")}
        />
      ) : null}
      <Button type="submit" disabled={pending}>
        Save changes
      </Button>
    </form>
  );
}

/** Deactivate or reactivate, behind a confirmation dialog that says what will happen. */
export function StatusChange({ org, membershipId, name, mode, action }: { org: string; membershipId: string; name: string; mode: "deactivate" | "reactivate"; action: FormAction }) {
  const label = mode === "deactivate" ? "Deactivate" : "Reactivate";
  const explain =
    mode === "deactivate"
      ? `${name} will be signed out at once and cannot sign in. Their seat frees up; their goals, notes, pathways and history stay, and you can reactivate them later.`
      : `${name} takes a seat again and gets an email with a link to choose a new password, which they must use before signing in.`;
  return <ConfirmForm action={action} fields={{ org, membershipId }} label={`${label} ${name}`} title={`${label} ${name}?`} explain={explain} confirmLabel={label} />;
}
