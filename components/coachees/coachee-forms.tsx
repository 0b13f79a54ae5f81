"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button, TextLink } from "@/components/ui/button";
import { CheckboxField, CheckboxGroup, Field, SelectField, TextareaField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { HiddenFields } from "@/components/ui/hidden-fields";

/** New coachee: names, email, and whether to invite them now. */
export function NewCoacheeForm({ org, action }: { org: string; action: FormAction }) {
  const t = useTranslations("Coachees.forms");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-label={t("newCoachee")} className="max-w-lg">
      <FormStatus result={result} />
      {result?.ok ? (
        <p className="mb-4 text-sm">
          <TextLink href={`/${org}/coachees`}>{t("back")}</TextLink>
        </p>
      ) : null}
      <HiddenFields fields={{ org }} />
      <Field label={t("firstName")} name="firstName" autoComplete="off" error={fieldError(result, "firstName")} />
      <Field label={t("lastName")} name="lastName" autoComplete="off" error={fieldError(result, "lastName")} />
      <Field label={t("email")} name="email" type="email" autoComplete="off" error={fieldError(result, "email")} />
      <CheckboxField label={t("sendInvitation")} name="sendInvitation" hint={t("sendInvitationHint")} />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? t("adding") : t("addCoachee")}
      </Button>
    </form>
  );
}

/** Name and email of a coachee who has never joined. */
export function EditCoacheeForm({
  org,
  coachee,
  invited,
  action,
}: {
  org: string;
  coachee: { id: string; firstName: string; lastName: string; email: string };
  invited: boolean;
  action: FormAction;
}) {
  const t = useTranslations("Coachees.forms");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-label={t("editCoachee")} className="max-w-lg">
      <FormStatus result={result} />
      <HiddenFields fields={{ org, coacheeId: coachee.id }} />
      <Field label={t("firstName")} name="firstName" defaultValue={coachee.firstName} error={fieldError(result, "firstName")} />
      <Field label={t("lastName")} name="lastName" defaultValue={coachee.lastName} error={fieldError(result, "lastName")} />
      <Field
        label={t("email")}
        name="email"
        type="email"
        defaultValue={coachee.email}
        error={fieldError(result, "email")}
        hint={invited ? t("emailInvitedHint") : undefined}
      />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}

/** A row's Options entry: put the coachee in one of the coach's groups. */
export function AddToGroupForm({
  org,
  coacheeId,
  name,
  groups,
  action,
}: {
  org: string;
  coacheeId: string;
  name: string;
  groups: { value: string; label: string }[];
  action: FormAction;
}) {
  const t = useTranslations("Coachees.forms");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate className="space-y-2">
      <HiddenFields fields={{ org, coacheeId }} />
      <SelectField
        id={`group-for-${coacheeId}`}
        label={t("addToGroupOf", { name })}
        name="groupId"
        options={groups}
        error={fieldError(result, "groupId")}
        inline
      />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? t("adding") : t("addToGroup")}
      </Button>
      <FormStatus result={result} />
    </form>
  );
}

/**
 * A group's name, description and members (the coachees listed, ticked when in the group). The ticks
 * are kept while the search above changes the list: a coachee ticked and then searched away stays
 * listed, ticked, until unticked or the group is saved.
 */
export function GroupForm({
  org,
  group,
  coachees,
  action,
  submit,
}: {
  org: string;
  group?: { id: string; name: string; description: string; coacheeIds: string[] };
  coachees: { value: string; label: string }[];
  action: FormAction;
  submit: string;
}) {
  const t = useTranslations("Coachees.forms");
  const [result, formProps, pending] = useFormAction(action);
  const [picked, setPicked] = useState<ReadonlyMap<string, string>>(() => {
    const labels = new Map(coachees.map((c) => [c.value, c.label]));
    return new Map((group?.coacheeIds ?? []).map((id) => [id, labels.get(id) ?? ""]));
  });
  // A new group saved: the form clears (useFormAction), its ticks with it (set while drawing the new result).
  const [answered, setAnswered] = useState(result);
  if (result !== answered) {
    setAnswered(result);
    if (result?.ok && !group) setPicked(new Map());
  }
  const listed = new Set(coachees.map((c) => c.value));
  const options = [...[...picked].filter(([id]) => !listed.has(id)).map(([value, label]) => ({ value, label })), ...coachees];
  const toggle = (value: string, on: boolean) =>
    setPicked((before) => {
      const next = new Map(before);
      if (on) next.set(value, options.find((o) => o.value === value)?.label ?? "");
      else next.delete(value);
      return next;
    });
  return (
    <form {...formProps} noValidate aria-label={group ? t("editGroup") : t("newGroup")} className="max-w-2xl">
      <FormStatus result={result} />
      {result?.ok && !group ? (
        <p className="mb-4 text-sm">
          <TextLink href={`/${org}/coachees/groups`}>{t("seeGroups")}</TextLink>
        </p>
      ) : null}
      <HiddenFields fields={{ org }} />
      {group ? <input type="hidden" name="groupId" value={group.id} /> : null}
      <CheckboxGroup
        legend={t("inGroup")}
        name="coacheeIds"
        options={options}
        checked={[...picked.keys()]}
        onToggle={toggle}
        error={fieldError(result, "coacheeIds")}
        empty={t("noMatch")}
      />
      <Field label={t("groupName")} name="name" defaultValue={group?.name ?? ""} error={fieldError(result, "name")} />
      <TextareaField
        label={t("description")}
        name="description"
        defaultValue={group?.description ?? ""}
        error={fieldError(result, "description")}
      />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? t("saving") : submit}
      </Button>
    </form>
  );
}

/** On a coach's user page: an administrator makes them a participant's coach directly (no request, audited). */
export function LinkCoacheeForm({ org, coach, action }: { org: string; coach: { id: string; name: string }; action: FormAction }) {
  const t = useTranslations("Coachees.forms");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-label={t("linkTo", { coach: coach.name })} className="mt-4 max-w-lg">
      <FormStatus result={result} />
      <HiddenFields fields={{ org, coachMembershipId: coach.id }} />
      <Field
        label={t("participantEmail")}
        name="email"
        type="email"
        autoComplete="off"
        error={fieldError(result, "email")}
        hint={t("linkHint", { coach: coach.name })}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("adding") : t("link", { coach: coach.name })}
      </Button>
    </form>
  );
}
