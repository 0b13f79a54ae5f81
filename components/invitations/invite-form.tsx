"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, RadioGroup, SelectField, TextareaField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { Notice } from "@/components/ui/notice";
import { Panel } from "@/components/ui/panel";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { InviteResult } from "@/lib/invitations/send";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { LanguageField } from "@/components/ui/language-field";
import type { Locale } from "@/lib/i18n/locales";

type Option = { value: string; label: string };

type Props = {
  org: string;
  roles: Option[];
  scopedRoles: string[];
  programmesRequired: boolean;
  programmes: Option[];
  units: Option[];
  durations: Option[];
  defaultMessage: string;
  /** The organisation's language, which someone invited reads until they choose their own. */
  defaultLocale: Locale;
  canCreate: boolean;
  action: FormAction<InviteResult>;
  resendAction: FormAction;
};

/**
 * Invite up to 20 people: addresses, one role, programmes where needed, unit, message. "Check" shows
 * per address what would happen, the seats it takes and the email; "Send" does it, all or nothing.
 */
export function InviteForm(props: Props) {
  const { org, roles, scopedRoles, programmesRequired, programmes, units, durations, defaultMessage, defaultLocale, canCreate } = props;
  const { action, resendAction } = props;
  const t = useTranslations("Invitations");
  const [result, formProps, pending] = useFormAction(action);
  const [role, setRole] = useState(roles.find((r) => r.value === "PARTICIPANT")?.value ?? roles[0]?.value ?? "");
  const needsProgrammes = programmesRequired || scopedRoles.includes(role);
  const data = result?.ok ? result.data : undefined;
  const sent = Boolean(data && data.sent > 0);

  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <form {...formProps} noValidate aria-labelledby="invite-heading">
        <h1 id="invite-heading" className="mb-4 text-2xl font-semibold">
          {t("form.title")}
        </h1>
        <FormStatus result={result?.ok ? (result.message ? result : null) : result} />
        <HiddenFields fields={{ org }} />
        <TextareaField label={t("form.emails")} name="emails" hint={t("form.emailsHint")} error={fieldError(result, "emails")} rows={4} />
        <SelectField
          label={t("form.role")}
          name="role"
          id="invite-role"
          value={role}
          onChange={(e) => setRole(e.target.value)}
          options={roles}
          error={fieldError(result, "role")}
        />
        {role === "IMPLEMENTATION_ADMIN" ? (
          <SelectField
            label={t("form.accessLasts")}
            name="duration"
            id="invite-duration"
            defaultValue="3"
            options={durations}
            error={fieldError(result, "duration")}
          />
        ) : null}
        {needsProgrammes || programmes.length > 0 ? (
          <CheckboxGroup
            legend={t("form.programmes")}
            name="programmeIds"
            options={programmes}
            hint={needsProgrammes ? t("form.programmesRequired") : t("form.programmesOptional")}
            empty={t("form.noProgrammes")}
            error={fieldError(result, "programmeIds")}
          />
        ) : null}
        <SelectField
          label={t("form.unit")}
          name="unitId"
          id="invite-unit"
          defaultValue=""
          options={units}
          empty={t("form.noUnit")}
          error={fieldError(result, "unitId")}
        />
        <LanguageField
          name="locale"
          value={null}
          inherited={defaultLocale}
          label={t("form.language")}
          hint={t("form.languageHint")}
          error={fieldError(result, "locale")}
        />
        <TextareaField
          label={t("form.message")}
          name="message"
          defaultValue={defaultMessage}
          hint={t("form.messageHint")}
          error={fieldError(result, "message")}
        />
        {canCreate ? (
          <RadioGroup
            legend={t("form.mode")}
            name="mode"
            defaultValue="invite"
            options={[
              { value: "invite", label: t("form.modeInvite") },
              { value: "create", label: t("form.modeCreate") },
            ]}
          />
        ) : null}
        <div className="flex gap-3">
          <Button type="submit" name="intent" value="check" variant="secondary" disabled={pending}>
            {t("form.check")}
          </Button>
          <Button type="submit" name="intent" value="send" disabled={pending}>
            {pending ? t("form.working") : t("form.send")}
          </Button>
        </div>
      </form>

      {data ? (
        <div aria-live="polite">
          <h2 className="mb-2 text-lg font-semibold">{sent ? t("form.done") : t("form.whatWillHappen")}</h2>
          {data.refusal ? (
            <Notice tone="warning" role="alert">
              {data.refusal}
            </Notice>
          ) : null}
          <p className="mb-2 text-sm">
            {/* The seat count was taken before sending, so the seats this batch takes are added either way. */}
            {t("form.seats", {
              sent: sent ? "yes" : "no",
              needed: data.seatsNeeded,
              total: data.seats.used + data.seatsNeeded,
              limit: data.seats.limit,
            })}
          </p>
          <ul className="mb-4 space-y-1 text-sm" aria-label={t("form.addresses")}>
            {data.addresses.map((a, i) => (
              <li key={`${a.input}-${i}`} className={a.ok ? "" : "text-danger-hover"}>
                <span className="font-medium">{a.email ?? a.input}</span>: {a.message}
                {a.status === "already-invited" && a.invitationId ? (
                  <span className="ms-2 inline-block">
                    <ActionButton
                      action={resendAction}
                      fields={{ org, invitationId: a.invitationId }}
                      label={t("resendTo", { email: a.email ?? a.input })}
                      quiet
                    />
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          {!sent ? (
            <Panel id="preview-heading" title={t("form.preview")}>
              <p className="mb-2 text-sm">{t("form.subject", { subject: data.preview.subject })}</p>
              <pre className="whitespace-pre-wrap text-xs text-body">{data.preview.text}</pre>
            </Panel>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
