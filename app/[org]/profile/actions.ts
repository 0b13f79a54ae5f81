"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { changePassword, changePasswordSchema, endAllSessions, profileSchema, updateProfile } from "@/lib/users/profile";
import { z } from "zod";

export const updateProfileAction = userAction(profileSchema, async (user, input) => {
  await updateProfile(db(), user.id, input);
  revalidatePath("/", "layout");
  return { ok: true, message: "Profile saved." };
});

export const changePasswordAction = userAction(changePasswordSchema, async (user, input) => {
  await changePassword(db(), user.id, input);
  return { ok: true, message: "Password changed. Every session has ended: sign in again with your new password." };
});

export const signOutEverywhereAction = userAction(z.object({}), async (user) => {
  await endAllSessions(db(), user.id);
  return { ok: true, message: "Signed out everywhere." };
});
