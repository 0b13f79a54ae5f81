"use client";

import { Button, TextLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

export function RequestResetForm({ action }: { action: FormAction }) {
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate>
      <FormStatus result={result} />
      <Field label="Email" name="email" type="email" autoComplete="username" error={fieldError(result, "email")} />
      <Button type="submit" disabled={pending} block>
        Send me a link
      </Button>
    </form>
  );
}

export function ResetPasswordForm({ action, token }: { action: FormAction; token: string }) {
  const [result, formProps, pending] = useFormAction(action);
  if (result?.ok) {
    return (
      <div>
        <FormStatus result={result} />
        <TextLink href="/sign-in">Sign in</TextLink>
      </div>
    );
  }
  return (
    <form {...formProps} noValidate>
      <input type="hidden" name="token" value={token} />
      <FormStatus result={result} />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters. Long passphrases are good."
        error={fieldError(result, "password")}
      />
      <Button type="submit" disabled={pending} block>
        Set new password
      </Button>
    </form>
  );
}
