"use client";

import { useEffect, useRef } from "react";
import { signIn } from "next-auth/react";
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
  const [result, formProps, pending] = useFormAction(action);

  if (result?.ok) {
    return (
      <div>
        <FormStatus result={result} />
        <p className="text-sm text-body">No email after a few minutes? Look in your spam folder, or fill in the form again.</p>
      </div>
    );
  }
  return (
    <form {...formProps} noValidate>
      <FormStatus result={result} />
      <Field label="Organisation name" name="organizationName" autoComplete="organization" error={fieldError(result, "organizationName")} />
      <Field label="First name" name="firstName" autoComplete="given-name" error={fieldError(result, "firstName")} />
      <Field label="Last name" name="lastName" autoComplete="family-name" error={fieldError(result, "lastName")} />
      <Field label="Email" name="email" type="email" autoComplete="username" error={fieldError(result, "email")} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters. Long passphrases are good."
        error={fieldError(result, "password")}
      />
      <TimeZoneField zones={timezones} error={fieldError(result, "timezone")} />
      <Button type="submit" disabled={pending} block>
        {pending ? "Sending…" : "Create organisation"}
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
      <FormStatus result={done ? { ok: true, message: `${organizationName} is created. Signing you in…` } : result} />
      <input type="hidden" name="token" value={token} />
      <p className="mb-4 text-sm">
        Signing up as <strong>{email}</strong>. Enter the password you chose on the sign-up form to create the organisation and sign in.
      </p>
      <Field label="Password" name="password" type="password" autoComplete="current-password" error={fieldError(result, "password")} />
      <Button type="submit" disabled={pending || done} block>
        {pending ? "Creating…" : `Create ${organizationName}`}
      </Button>
    </form>
  );
}
