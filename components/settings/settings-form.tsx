"use client";

import { Button } from "@/components/ui/button";
import { useTranslations } from "next-intl";
import { CheckboxField, Field, Fieldset, TextareaField } from "@/components/ui/field";
import { LanguageField } from "@/components/ui/language-field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { Plan } from "@/lib/db/generated/enums";
import { formatBytes, GIB } from "@/lib/files/limits";
import type { Locale } from "@/lib/i18n/locales";
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
  const t = useTranslations("Settings");
  const tl = useTranslations("Language");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate className="max-w-xl">
      <HiddenFields fields={{ org }} />
      <FormStatus result={result} />
      <Field label={t("name")} name="name" defaultValue={settings.name} error={fieldError(result, "name")} />
      <Fieldset legend={t("plan", { plan: settings.plan })}>
        <p className="mb-3 text-sm text-muted">
          {t("storage", { used: formatBytes(storageUsed), quota: formatBytes(settings.storageQuotaBytes) })}
        </p>
        {canManagePlan ? (
          <>
            <Field
              label={t("seatLimit")}
              name="seatLimit"
              type="number"
              min={1}
              defaultValue={settings.seatLimit}
              error={fieldError(result, "seatLimit")}
            />
            <Field
              label={t("storageQuota")}
              name="storageQuotaGb"
              type="number"
              min={0.01}
              step={0.01}
              defaultValue={Number((settings.storageQuotaBytes / GIB).toFixed(2))}
              hint={t("storageQuotaHint")}
              error={fieldError(result, "storageQuotaGb")}
            />
          </>
        ) : (
          <p className="text-sm text-muted">
            {t("planReadOnly", { seats: settings.seatLimit, quota: formatBytes(settings.storageQuotaBytes) })}
          </p>
        )}
      </Fieldset>
      <LanguageField
        name="defaultLocale"
        label={tl("orgDefaultLabel")}
        hint={tl("orgDefaultHint")}
        value={settings.defaultLocale}
        error={fieldError(result, "defaultLocale")}
      />
      <Field
        label={t("invitationExpiry")}
        name="invitationExpiryDays"
        type="number"
        min={1}
        max={90}
        defaultValue={settings.invitationExpiryDays}
        error={fieldError(result, "invitationExpiryDays")}
      />
      <TextareaField
        label={t("defaultMessage")}
        name="defaultInvitationMessage"
        defaultValue={settings.defaultInvitationMessage}
        hint={t("defaultMessageHint")}
        error={fieldError(result, "defaultInvitationMessage")}
      />
      <CheckboxField
        label={t("implementationAdmins")}
        name="implementationAdminsEnabled"
        defaultChecked={settings.implementationAdminsEnabled}
        hint={t("implementationAdminsHint")}
      />
      <TextareaField
        label={t("domains")}
        name="implementationAdminDomains"
        defaultValue={settings.implementationAdminDomains.join("\n")}
        hint={t("domainsHint")}
        error={fieldError(result, "implementationAdminDomains")}
      />
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
