"use client";

import { useEffect, useRef } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/**
 * Self-serve sign-up. The answer is the same whether or not the address has an account ("check your
 * email"); the organisation is created from the emailed link (VerifySignUpForm).
 */
export function SignUpForm({ action, timezones }: { action: FormAction; timezones: readonly string[] }) {
  const t = useTranslations("SignUp");
  const [result, formProps, pending] = useFormAction(action);

  if (result?.ok) {
    return (
      <div>
        <FormStatus result={result} />
        <p className="text-sm text-body">{t("noEmail")}</p>
      </div>
    );
  }
  return (
    <form {...formProps} noValidate>
      <FormStatus result={result} />
      <Field
        label={t("organisationName")}
        name="organizationName"
        autoComplete="organization"
        error={fieldError(result, "organizationName")}
      />
      <Field label={t("firstName")} name="firstName" autoComplete="given-name" error={fieldError(result, "firstName")} />
      <Field label={t("lastName")} name="lastName" autoComplete="family-name" error={fieldError(result, "lastName")} />
      <Field label={t("email")} name="email" type="email" autoComplete="username" error={fieldError(result, "email")} />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t("passwordHint")}
        error={fieldError(result, "password")}
      />
      <TimeZoneField zones={timezones} error={fieldError(result, "timezone")} />
      <Button type="submit" disabled={pending} block>
        {pending ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}

/**
 * The emailed link's page: the password chosen on the sign-up form confirms it; then the organisation
 * exists, and the new owner is signed in and lands in it.
 */
export function VerifySignUpForm({
  token,
  email,
  organizationName,
  action,
}: {
  token: string;
  email: string;
  organizationName: string;
  action: FormAction<{ slug: string }>;
}) {
  const t = useTranslations("SignUp.verify");
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
      <FormStatus result={done ? { ok: true, message: t("created", { organisation: organizationName }) } : result} />
      <input type="hidden" name="token" value={token} />
      <p className="mb-4 text-sm">{t.rich("signingUpAs", { email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" error={fieldError(result, "password")} />
      <Button type="submit" disabled={pending || done} block>
        {pending ? t("creating") : t("submit", { organisation: organizationName })}
      </Button>
    </form>
  );
}
