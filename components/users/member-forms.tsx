"use client";

import { useMemo, useState } from "react";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, Field, SelectField } from "@/components/ui/field";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/actions/action";
import { HiddenFields } from "@/components/ui/hidden-fields";

type Option = { value: string; label: string };

/** `timezone` is null for someone who has not joined: they choose it when they accept. */
type Member = {
  id: string;
  firstName: string;
  lastName: string;
  timezone: string | null;
  unitId: string;
  role: string;
  programmeIds: string[];
};

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
      <HiddenFields fields={{ org, membershipId: member.id }} />
      <Field label="First name" name="firstName" defaultValue={member.firstName} error={fieldError(result, "firstName")} />
      <Field label="Last name" name="lastName" defaultValue={member.lastName} error={fieldError(result, "lastName")} />
      {member.timezone === null ? null : <TimeZoneField zones={timezones} value={member.timezone} error={fieldError(result, "timezone")} />}
      <SelectField
        label="Unit"
        name="unitId"
        id="member-unit"
        defaultValue={member.unitId}
        options={units}
        empty="No unit"
        error={fieldError(result, "unitId")}
      />
      <SelectField
        label="Role"
        name="role"
        id="member-role"
        value={role}
        onChange={(e) => setRole(e.target.value)}
        options={roles}
        error={fieldError(result, "role")}
      />
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

/**
 * What each step from a member's page does, as its confirmation dialog says it. `seat`: their role takes
 * a seat (participants take none, so their dialogs never speak of one).
 */
const EXPLAIN = {
  deactivate: (name: string, seat: boolean) =>
    `${name} will be signed out at once and cannot sign in. ${seat ? "Their seat frees up; their" : "Their"} goals, notes, pathways and history stay, and you can reactivate them later.`,
  reactivate: (name: string, seat: boolean) =>
    `${name} ${seat ? "takes a seat again and gets" : "gets"} an email with a link to choose a new password, which they must use before signing in.`,
  invite: (name: string) =>
    `${name} gets an email with a link to join, with the role, programmes and unit shown here, and becomes active when they accept. A role that takes a seat takes it now.`,
  resend: (name: string) => `${name} gets the invitation again with a fresh link; the earlier link stops working.`,
};

type MemberStep = { op: keyof typeof EXPLAIN; button: string; confirm: string; note?: string };

/**
 * A member's steps from their page (lib/users/membership-state.ts): their state's one way forward and,
 * where it applies, deactivation, each confirmed first. A step changes the state and so which buttons
 * show, so the outcome is announced here, where it outlives the button that caused it.
 */
export function MemberSteps({
  org,
  membershipId,
  name,
  seat,
  steps,
  actions,
}: {
  org: string;
  membershipId: string;
  name: string;
  /** Their role takes a seat. */
  seat: boolean;
  steps: MemberStep[];
  actions: Partial<Record<MemberStep["op"], FormAction>>;
}) {
  const [last, setLast] = useState<ActionResult | null>(null);
  const announced = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(actions).map(([op, action]) => [
          op,
          (async (prev, form) => {
            const result = await action(prev, form);
            setLast(result);
            return result;
          }) satisfies FormAction,
        ]),
      ),
    [actions],
  );
  return (
    <div>
      <FormStatus result={last} />
      <div className="flex flex-wrap gap-3">
        {steps.map((step) => {
          const label = step.button.replace("{name}", name);
          const explain = step.note ? `${EXPLAIN[step.op](name, seat)} ${step.note}` : EXPLAIN[step.op](name, seat);
          return (
            <ConfirmForm
              key={step.op}
              action={announced[step.op]}
              fields={{ org, membershipId }}
              label={label}
              title={`${label}?`}
              explain={explain}
              confirmLabel={step.confirm}
              tone={step.op === "deactivate" ? "danger" : "primary"}
              announce={false}
            />
          );
        })}
      </div>
    </div>
  );
}
