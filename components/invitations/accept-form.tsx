"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/**
 * Accepting an invitation: a new person chooses name, time zone and password; someone with a Pathwise
 * account confirms with their password. Either way they are then signed in and land in the organisation.
 */
export function AcceptForm({
  token,
  email,
  organizationName,
  hasAccount,
  timezones,
  action,
}: {
  token: string;
  email: string;
  organizationName: string;
  hasAccount: boolean;
  timezones: readonly string[];
  action: FormAction<{ slug: string }>;
}) {
  const t = useTranslations("Invitations.accept");
  const [result, formProps, pending] = useFormAction(action);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!result?.ok || !result.data || !form.current) return;
    const password = String(new FormData(form.current).get("password"));
    const slug = result.data.slug;
    // A full load, so the new session cookie is what every server component reads from the start.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    void signIn("credentials", { redirect: false, email, password }).then(() => window.location.assign(`/${slug}`));
  }, [result, email]);

  const done = result?.ok === true;
  return (
    <form ref={form} {...formProps} noValidate>
      <FormStatus result={done ? { ok: true, message: t("joined", { organisation: organizationName }) } : result} />
      <input type="hidden" name="token" value={token} />
      <p className="mb-4 text-sm">{t.rich("joiningAs", { email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      {hasAccount ? null : (
        <>
          <Field label={t("firstName")} name="firstName" autoComplete="given-name" error={fieldError(result, "firstName")} />
          <Field label={t("lastName")} name="lastName" autoComplete="family-name" error={fieldError(result, "lastName")} />
          <TimeZoneField zones={timezones} error={fieldError(result, "timezone")} />
        </>
      )}
      <Field
        label={hasAccount ? t("yourPassword") : t("choosePassword")}
        name="password"
        type="password"
        autoComplete={hasAccount ? "current-password" : "new-password"}
        hint={hasAccount ? t("hasAccountHint") : t("passwordHint")}
        error={fieldError(result, "password")}
      />
      <Button type="submit" disabled={pending || done} block>
        {hasAccount ? t("signInAndJoin", { organisation: organizationName }) : t("join", { organisation: organizationName })}
      </Button>
    </form>
  );
}
