"use server";

import { revalidatePath } from "next/cache";
import { memberAction, userAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/msg";
import { changePassword, changePasswordSchema, endAllSessions, profileSchema, updateProfile } from "@/lib/users/profile";
import { z } from "zod";
import { createFeed, FEED_PERMISSIONS, revokeFeed } from "@/lib/sessions/feed";
import { meetingUrlSchema, setMeetingLink } from "@/lib/sessions/meeting-links";

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

// The person's calendar feed in this organisation: a member's, so the guard checks the membership.
export const createFeedAction = memberAction(FEED_PERMISSIONS, z.strictObject({}), async (actor) => {
  const { url } = await createFeed(db(), actor);
  revalidatePath("/[org]/profile", "page");
  return { ok: true, data: { url }, message: msg("Profile.feed.made") };
});

export const revokeFeedAction = memberAction(FEED_PERMISSIONS, z.strictObject({}), async (actor) => {
  await revokeFeed(db(), actor);
  revalidatePath("/[org]/profile", "page");
  return { ok: true, message: msg("Profile.feed.revoked") };
});

// A coach's meeting room in this organisation (their membership's), the place new sessions of theirs get.
export const setMeetingLinkAction = memberAction("coachees:manage", meetingUrlSchema, async (actor, input) => {
  await setMeetingLink(db(), actor, input);
  revalidatePath("/[org]/profile", "page");
  return { ok: true, message: msg("Profile.server.meetingLinkSaved"), keep: true };
});
