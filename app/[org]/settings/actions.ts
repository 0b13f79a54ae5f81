"use server";

import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/msg";
import { settingsSchema, updateSettings } from "@/lib/orgs/settings";

export const updateSettingsAction = memberAction("settings:manage", settingsSchema, async (actor, input) => {
  await updateSettings(db(), actor, input);
  revalidatePath("/", "layout");
  return { ok: true, message: msg("Settings.server.saved") };
});
