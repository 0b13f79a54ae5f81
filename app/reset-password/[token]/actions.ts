"use server";

import { publicAction } from "@/lib/actions/action";
import { resetPassword, resetPasswordSchema } from "@/lib/auth/password-reset";
import { db } from "@/lib/db/client";

export const resetPasswordAction = publicAction(resetPasswordSchema, async ({ token, password }) => {
  await resetPassword(db(), token, password);
  return { ok: true, message: "Your password is changed. Sign in with it now." };
});
