"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("Users");
  const [result, formProps, pending] = useFormAction(action);
  const [role, setRole] = useState(member.role);
  const scoped = scopedRoles.includes(role);
  return (
    <form {...formProps} noValidate aria-labelledby="edit-heading" className="max-w-lg">
      <h2 id="edit-heading" className="mb-4 text-lg font-semibold">
        {t("form.edit")}
      </h2>
      <FormStatus result={result} />
      <HiddenFields fields={{ org, membershipId: member.id }} />
      <Field label={t("form.firstName")} name="firstName" defaultValue={member.firstName} error={fieldError(result, "firstName")} />
      <Field label={t("form.lastName")} name="lastName" defaultValue={member.lastName} error={fieldError(result, "lastName")} />
      {member.timezone === null ? null : <TimeZoneField zones={timezones} value={member.timezone} error={fieldError(result, "timezone")} />}
      <SelectField
        label={t("columns.unit")}
        name="unitId"
        id="member-unit"
        defaultValue={member.unitId}
        options={units}
        empty={t("member.noUnit")}
        error={fieldError(result, "unitId")}
      />
      <SelectField
        label={t("columns.role")}
        name="role"
        id="member-role"
        value={role}
        onChange={(e) => setRole(e.target.value)}
        options={roles}
        error={fieldError(result, "role")}
      />
      {role === "IMPLEMENTATION_ADMIN" ? (
        <SelectField
          label={t("form.accessLasts")}
          name="duration"
          id="member-duration"
          defaultValue=""
          options={durations}
          empty={t("form.keepEndDate")}
          error={fieldError(result, "duration")}
        />
      ) : null}
      {scoped ? (
        <CheckboxGroup
          legend={t("member.programmes")}
          name="programmeIds"
          options={programmes}
          checked={member.programmeIds}
          hint={t("form.programmesHint")}
          empty={t("form.noProgrammes")}
          error={fieldError(result, "programmeIds")}
        />
      ) : null}
      <Button type="submit" disabled={pending}>
        {t("form.save")}
      </Button>
    </form>
  );
}

/**
 * A step from a member's page: `button` and `confirm` are its words with the name in them; what it does
 * is its confirmation dialog's (Users.form.explain.<op>, which knows whether their role takes a seat).
 */
type MemberStep = { op: "deactivate" | "reactivate" | "invite" | "resend"; button: string; confirm: string; note?: string };

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
  const t = useTranslations("Users.form");
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
          const says = t(`explain.${step.op}`, { name, seat: seat ? "yes" : "no" });
          const explain = step.note ? t("explainWithNote", { explain: says, note: step.note }) : says;
          return (
            <ConfirmForm
              key={step.op}
              action={announced[step.op]}
              fields={{ org, membershipId }}
              label={step.button}
              title={t("confirmTitle", { label: step.button })}
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
