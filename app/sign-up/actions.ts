"use server";

import { publicAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { kickOutbox } from "@/lib/mail/worker";
import { requestLocale } from "@/lib/i18n/request-locale";
import { signUpSchema } from "@/lib/orgs/create";
import { signUp, SIGN_UP_SENT } from "@/lib/orgs/sign-up";

// The same answer for every address: whether it already has an account is said only in the email.
export const signUpAction = publicAction(signUpSchema, async (input, ip) => {
  await signUp(db(), input, ip, await requestLocale());
  kickOutbox();
  return { ok: true, message: SIGN_UP_SENT };
});
