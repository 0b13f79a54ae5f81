"use server";

import { revalidatePath } from "next/cache";
import { refreshOrganisation } from "@/lib/actions/refresh";
import { redirect } from "next/navigation";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { markAllRead, markRead, notificationIdSchema, openNotification } from "@/lib/notifications/centre";
import { preferencesSchema, setPreferences } from "@/lib/notifications/preferences";
import { msg } from "@/lib/i18n/msg";
import { FEED_PERMISSIONS } from "@/lib/sessions/feed";
import { reminderChoiceSchema, setReminderChoice } from "@/lib/sessions/reminders";

// The bell's count is in the layout: every change here revalidates it.

/** Opens a notification: marks it read and goes to where the thing lives. */
export const openNotificationAction = memberAction("notifications:use", notificationIdSchema, async (actor, input) => {
  const { href } = await openNotification(db(), actor, input);
  refreshOrganisation();
  redirect(href);
});

export const markReadAction = memberAction("notifications:use", notificationIdSchema, async (actor, input) => {
  await markRead(db(), actor, input);
  refreshOrganisation();
  return { ok: true as const, message: msg("NotificationCentre.server.markedRead") };
});

export const markAllReadAction = memberAction("notifications:use", z.strictObject({}), async (actor) => {
  const { marked } = await markAllRead(db(), actor);
  refreshOrganisation();
  return {
    ok: true as const,
    message: marked ? msg("NotificationCentre.server.allMarkedRead") : msg("NotificationCentre.server.nothingUnread"),
  };
});

export const savePreferencesAction = memberAction("notifications:use", preferencesSchema, async (actor, input) => {
  await setPreferences(db(), actor, input);
  revalidatePath("/[org]/notifications/preferences", "page");
  return { ok: true as const, message: msg("NotificationCentre.server.preferencesSaved") };
});

/** How long before each session the member is reminded (none: no reminders). */
export const saveRemindersAction = memberAction(FEED_PERMISSIONS, reminderChoiceSchema, async (actor, input) => {
  await setReminderChoice(db(), actor, input);
  revalidatePath("/[org]/notifications/preferences", "page");
  return { ok: true, message: msg("NotificationCentre.reminders.saved") };
});
