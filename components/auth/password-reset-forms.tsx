"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/actions/action";

type Action = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

export function RequestResetForm({ action }: { action: Action }) {
  const [result, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} noValidate>
      <FormStatus result={result} />
      <Field label="Email" name="email" type="email" autoComplete="username" error={fieldError(result, "email")} />
      <Button type="submit" disabled={pending} className="w-full">
        Send me a link
      </Button>
    </form>
  );
}

export function ResetPasswordForm({ action, token }: { action: Action; token: string }) {
  const [result, submit, pending] = useActionState(action, null);
  if (result?.ok) {
    return (
      <div>
        <FormStatus result={result} />
        <Link href="/sign-in" className="text-indigo-700 underline">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={submit} noValidate>
      <input type="hidden" name="token" value={token} />
      <FormStatus result={result} />
      <Field label="New password" name="password" type="password" autoComplete="new-password" hint="At least 8 characters. Long passphrases are good." error={fieldError(result, "password")} />
      <Button type="submit" disabled={pending} className="w-full">
        Set new password
      </Button>
    </form>
  );
}
