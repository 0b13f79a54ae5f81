"use client";

import { Button } from "@/components/ui/button";
import { CheckboxField, Field, Fieldset, TextareaField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { Plan } from "@/lib/db/generated/enums";
import { PLAN_LABELS } from "@/lib/labels";

type Settings = {
  name: string;
  plan: Plan;
  seatLimit: number;
  invitationExpiryDays: number;
  defaultInvitationMessage: string;
  implementationAdminsEnabled: boolean;
  implementationAdminDomains: string[];
};

export function SettingsForm({
  org,
  settings,
  canManagePlan,
  action,
}: {
  org: string;
  settings: Settings;
  canManagePlan: boolean;
  action: FormAction;
}) {
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate className="max-w-xl">
      <input type="hidden" name="org" value={org} />
      <FormStatus result={result} />
      <Field label="Organisation name" name="name" defaultValue={settings.name} error={fieldError(result, "name")} />
      <Fieldset legend={`Plan (${PLAN_LABELS[settings.plan].toLowerCase()})`}>
        {canManagePlan ? (
          <Field
            label="Seat limit"
            name="seatLimit"
            type="number"
            min={1}
            defaultValue={settings.seatLimit}
            error={fieldError(result, "seatLimit")}
          />
        ) : (
          <p className="text-sm text-slate-600">Seat limit: {settings.seatLimit}. Only an owner can change the plan.</p>
        )}
      </Fieldset>
      <Field
        label="Invitation links expire after (days)"
        name="invitationExpiryDays"
        type="number"
        min={1}
        max={90}
        defaultValue={settings.invitationExpiryDays}
        error={fieldError(result, "invitationExpiryDays")}
      />
      <TextareaField
        label="Default invitation message"
        name="defaultInvitationMessage"
        defaultValue={settings.defaultInvitationMessage}
        hint="Prefilled in every invitation; the sender can edit it."
        error={fieldError(result, "defaultInvitationMessage")}
      />
      <CheckboxField
        label="Allow implementation admins"
        name="implementationAdminsEnabled"
        defaultChecked={settings.implementationAdminsEnabled}
        hint="Time-limited admins from an allowed email domain."
      />
      <TextareaField
        label="Allowed email domains for implementation admins"
        name="implementationAdminDomains"
        defaultValue={settings.implementationAdminDomains.join("\n")}
        hint="One per line, like partner.example.com"
        error={fieldError(result, "implementationAdminDomains")}
      />
      <Button type="submit" disabled={pending}>
        Save settings
      </Button>
    </form>
  );
}
