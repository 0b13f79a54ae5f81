"use client";

import { useEffect, useRef } from "react";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** Self-serve sign-up; once the organisation exists, signs the new owner in and opens it. */
export function SignUpForm({ action, timezones }: { action: FormAction<{ slug: string }>; timezones: readonly string[] }) {
  const [result, formProps, pending] = useFormAction(action);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!result?.ok || !result.data || !form.current) return;
    const data = new FormData(form.current);
    const slug = result.data.slug;
    void signIn("credentials", { redirect: false, email: String(data.get("email")), password: String(data.get("password")) }).then(() =>
      window.location.assign(`/${slug}`),
    );
  }, [result]);

  const done = result?.ok === true;
  return (
    <form ref={form} {...formProps} noValidate>
      <FormStatus result={done ? { ok: true, message: "Organisation created. Signing you in…" } : result} />
      <Field label="Organisation name" name="organizationName" autoComplete="organization" error={fieldError(result, "organizationName")} />
      <Field label="First name" name="firstName" autoComplete="given-name" error={fieldError(result, "firstName")} />
      <Field label="Last name" name="lastName" autoComplete="family-name" error={fieldError(result, "lastName")} />
      <Field label="Email" name="email" type="email" autoComplete="username" error={fieldError(result, "email")} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" hint="At least 8 characters. Long passphrases are good." error={fieldError(result, "password")} />
      <TimeZoneField zones={timezones} error={fieldError(result, "timezone")} />
      <Button type="submit" disabled={pending || done} className="w-full">
        {pending ? "Creating…" : "Create organisation"}
      </Button>
    </form>
  );
}
