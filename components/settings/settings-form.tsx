"use client";

import { Button } from "@/components/ui/button";
import { useTranslations } from "next-intl";
import { CheckboxField, Field, Fieldset, TextareaField } from "@/components/ui/field";
import { LanguageField } from "@/components/ui/language-field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { Plan } from "@/lib/db/generated/enums";
import { formatBytes, GIB, storageUsedLine } from "@/lib/files/limits";
import type { Locale } from "@/lib/i18n/locales";
import { PLAN_LABELS } from "@/lib/labels";
import { HiddenFields } from "@/components/ui/hidden-fields";

type Settings = {
  name: string;
  plan: Plan;
  seatLimit: number;
  storageQuotaBytes: number;
  invitationExpiryDays: number;
  defaultInvitationMessage: string;
  defaultLocale: Locale;
  implementationAdminsEnabled: boolean;
  implementationAdminDomains: string[];
};

export function SettingsForm({
  org,
  settings,
  storageUsed,
  canManagePlan,
  action,
}: {
  org: string;
  settings: Settings;
  /** Bytes the organisation's files take (uploads in flight included). */
  storageUsed: number;
  canManagePlan: boolean;
  action: FormAction;
}) {
  const t = useTranslations("Language");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate className="max-w-xl">
      <HiddenFields fields={{ org }} />
      <FormStatus result={result} />
      <Field label="Organisation name" name="name" defaultValue={settings.name} error={fieldError(result, "name")} />
      <Fieldset legend={`Plan (${PLAN_LABELS[settings.plan].toLowerCase()})`}>
        <p className="mb-3 text-sm text-muted">Storage: {storageUsedLine(storageUsed, settings.storageQuotaBytes)}.</p>
        {canManagePlan ? (
          <>
            <Field
              label="Seat limit"
              name="seatLimit"
              type="number"
              min={1}
              defaultValue={settings.seatLimit}
              error={fieldError(result, "seatLimit")}
            />
            <Field
              label="Storage quota (GB)"
              name="storageQuotaGb"
              type="number"
              min={0.01}
              step={0.01}
              defaultValue={Number((settings.storageQuotaBytes / GIB).toFixed(2))}
              hint="What the organisation's files may take together."
              error={fieldError(result, "storageQuotaGb")}
            />
          </>
        ) : (
          <p className="text-sm text-muted">
            Seat limit: {settings.seatLimit}. Storage quota: {formatBytes(settings.storageQuotaBytes)}. Only an owner can change the plan.
          </p>
        )}
      </Fieldset>
      <LanguageField
        name="defaultLocale"
        label={t("orgDefaultLabel")}
        hint={t("orgDefaultHint")}
        value={settings.defaultLocale}
        error={fieldError(result, "defaultLocale")}
      />
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
