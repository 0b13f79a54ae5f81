"use client";

import { useTranslations } from "next-intl";
import { Button, TextLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

export function RequestResetForm({ action }: { action: FormAction }) {
  const t = useTranslations("Auth.forgotPassword");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate>
      <FormStatus result={result} />
      <Field label={t("email")} name="email" type="email" autoComplete="username" error={fieldError(result, "email")} />
      <Button type="submit" disabled={pending} block>
        {t("submit")}
      </Button>
    </form>
  );
}

export function ResetPasswordForm({ action, token }: { action: FormAction; token: string }) {
  const t = useTranslations("Auth.resetPassword");
  const [result, formProps, pending] = useFormAction(action);
  if (result?.ok) {
    return (
      <div>
        <FormStatus result={result} />
        <TextLink href="/sign-in">{t("signIn")}</TextLink>
      </div>
    );
  }
  return (
    <form {...formProps} noValidate>
      <input type="hidden" name="token" value={token} />
      <FormStatus result={result} />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t("passwordHint")}
        error={fieldError(result, "password")}
      />
      <Button type="submit" disabled={pending} block>
        {t("submit")}
      </Button>
    </form>
  );
}
