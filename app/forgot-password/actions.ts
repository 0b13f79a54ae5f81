"use server";

import { publicAction } from "@/lib/actions/action";
import { requestPasswordReset, requestResetSchema } from "@/lib/auth/password-reset";
import { db } from "@/lib/db/client";
import { requestLocale } from "@/lib/i18n/request-locale";
import { kickOutbox } from "@/lib/mail/worker";

export const requestResetAction = publicAction(requestResetSchema, async ({ email }, ip) => {
  await requestPasswordReset(db(), email, ip, await requestLocale());
  kickOutbox();
  return { ok: true, message: "If an account uses that address, we have sent it a link to choose a new password." };
});
