"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/msg";
import { changePassword, changePasswordSchema, endAllSessions, profileSchema, updateProfile } from "@/lib/users/profile";
import { z } from "zod";

export const updateProfileAction = userAction(profileSchema, async (user, input) => {
  await updateProfile(db(), user.id, input);
  revalidatePath("/", "layout");
  return { ok: true, message: msg("Profile.server.saved") };
});

export const changePasswordAction = userAction(changePasswordSchema, async (user, input) => {
  await changePassword(db(), user.id, input);
  return { ok: true, message: msg("Profile.server.passwordChanged") };
});

export const signOutEverywhereAction = userAction(z.object({}), async (user) => {
  await endAllSessions(db(), user.id);
  return { ok: true, message: msg("Profile.server.signedOutEverywhere") };
});
