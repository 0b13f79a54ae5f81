"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { LanguageField } from "@/components/ui/language-field";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/actions/action";
import type { Locale } from "@/lib/i18n/locales";

export function ProfileForm({
  action,
  user,
  timezones,
  organisationLocale,
}: {
  action: FormAction;
  user: { firstName: string; lastName: string; timezone: string; locale: Locale | null };
  timezones: readonly string[];
  /** What "not chosen" means here: the organisation's language for this person. */
  organisationLocale: Locale;
}) {
  const t = useTranslations("Profile");
  const tl = useTranslations("Language");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-labelledby="profile-heading" className="max-w-md">
      <h2 id="profile-heading" className="mb-4 text-lg font-semibold">
        {t("details")}
      </h2>
      <FormStatus result={result} />
      <Field
        label={t("firstName")}
        name="firstName"
        defaultValue={user.firstName}
        autoComplete="given-name"
        error={fieldError(result, "firstName")}
      />
      <Field
        label={t("lastName")}
        name="lastName"
        defaultValue={user.lastName}
        autoComplete="family-name"
        error={fieldError(result, "lastName")}
      />
      <TimeZoneField zones={timezones} value={user.timezone} error={fieldError(result, "timezone")} />
      <LanguageField
        name="locale"
        label={tl("label")}
        hint={tl("hint")}
        value={user.locale}
        inherited={organisationLocale}
        error={fieldError(result, "locale")}
      />
      <Button type="submit" disabled={pending}>
        {t("saveDetails")}
      </Button>
    </form>
  );
}

// Both of these end the current session too, so on success the browser goes to sign in.
function useSignInAgain(result: ActionResult | null) {
  useEffect(() => {
    if (result?.ok) {
      // Every session has just ended: a full load drops whatever the client still holds.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      const timer = setTimeout(() => window.location.assign("/sign-in"), 2500);
      return () => clearTimeout(timer);
    }
  }, [result]);
}

export function PasswordForm({ action }: { action: FormAction }) {
  const t = useTranslations("Profile");
  const [result, formProps, pending] = useFormAction(action);
  useSignInAgain(result);
  return (
    <form {...formProps} noValidate aria-labelledby="password-heading" className="max-w-md">
      <h2 id="password-heading" className="mb-4 text-lg font-semibold">
        {t("changePassword")}
      </h2>
      <FormStatus result={result} />
      <Field
        label={t("currentPassword")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={fieldError(result, "currentPassword")}
      />
      <Field
        label={t("newPassword")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={t("passwordHint")}
        error={fieldError(result, "newPassword")}
      />
      <Button type="submit" disabled={pending}>
        {t("changePassword")}
      </Button>
    </form>
  );
}

export function SignOutEverywhereForm({ action }: { action: FormAction }) {
  const t = useTranslations("Profile");
  const [result, formProps, pending] = useFormAction(action);
  useSignInAgain(result);
  return (
    <form {...formProps} noValidate aria-labelledby="sessions-heading" className="max-w-md">
      <h2 id="sessions-heading" className="mb-2 text-lg font-semibold">
        {t("sessions")}
      </h2>
      <p className="mb-4 text-sm text-muted">{t("signOutExplain")}</p>
      <FormStatus result={result} />
      <Button type="submit" disabled={pending}>
        {t("signOutEverywhere")}
      </Button>
    </form>
  );
}
