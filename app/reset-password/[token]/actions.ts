"use server";

import { publicAction } from "@/lib/actions/action";
import { resetPassword, resetPasswordSchema } from "@/lib/auth/password-reset";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/msg";

export const resetPasswordAction = publicAction(resetPasswordSchema, async ({ token, password }) => {
  await resetPassword(db(), token, password);
  return { ok: true, message: msg("Auth.server.passwordReset") };
});
