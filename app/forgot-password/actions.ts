"use server";

import { publicAction } from "@/lib/actions/action";
import { requestPasswordReset, requestResetSchema } from "@/lib/auth/password-reset";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/msg";
import { requestLocale } from "@/lib/i18n/request-locale";
import { kickOutbox } from "@/lib/mail/worker";

export const requestResetAction = publicAction(requestResetSchema, async ({ email }, ip) => {
  await requestPasswordReset(db(), email, ip, await requestLocale());
  kickOutbox();
  return { ok: true, message: msg("Auth.server.resetSent") };
});
