import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { msg } from "../i18n/msg";
import { CONTROL_CHARACTERS } from "../web/form-fields";

// Where a new session happens when its form leaves the place empty. Today that is the coach's own
// meeting room, a link they keep on their profile. A provider that makes a meeting per session (Zoom,
// Teams: not reachable from here) would be another MeetingLinkProvider, chosen in meetingLinkFor; the
// forms and services that schedule sessions would not change.

export const MEETING_URL_MAX = 500;

/** A coach's meeting room: empty (none), or an https link of at most 500 characters (the database checks both too). */
export const meetingUrlSchema = z.strictObject({
  meetingUrl: z
    .string()
    .trim()
    .max(MEETING_URL_MAX, msg("Profile.server.meetingUrlMax", { max: MEETING_URL_MAX }))
    .refine((s) => !CONTROL_CHARACTERS.test(s), msg("Profile.server.meetingUrlHttps"))
    .refine((s) => s === "" || isHttpsUrl(s), msg("Profile.server.meetingUrlHttps"))
    .default(""),
});
export type MeetingUrlInput = z.infer<typeof meetingUrlSchema>;

function isHttpsUrl(s: string): boolean {
  if (!URL.canParse(s)) return false;
  const url = new URL(s);
  return url.protocol === "https:" && url.hostname !== "" && !url.username && !url.password;
}

/** What a provider knows of the session it finds a place for. */
export type NewSessionFacts = { title: string; scheduledAt: Date; durationMinutes: number };

export type MeetingLinkProvider = (tx: TenantTx, coachMembershipId: string, session: NewSessionFacts) => Promise<string | null>;

/** The coach's personal room: the same link for every session of theirs. */
export const personalRoom: MeetingLinkProvider = async (tx, coachMembershipId) =>
  (await tx.membership.findFirst({ where: { id: coachMembershipId }, select: { meetingUrl: true } }))?.meetingUrl ?? null;

/** The place of a new session of this coach's that was given none: a meeting link, or "" when there is none. */
export async function meetingLinkFor(
  tx: TenantTx,
  coachMembershipId: string,
  session: NewSessionFacts,
  provider: MeetingLinkProvider = personalRoom,
): Promise<string> {
  return (await provider(tx, coachMembershipId, session)) ?? "";
}

/** The actor's own meeting room, for their profile. */
export async function meetingLinkSettings(db: Db, actor: Actor) {
  assertCan(actor.role, "coachees:manage");
  const row = await tenantDb(db, actor.organizationId).membership.findFirst({
    where: { id: actor.membershipId },
    select: { meetingUrl: true },
  });
  return { meetingUrl: row?.meetingUrl ?? "" };
}

/** Sets (or, empty, clears) the actor's own meeting room; sessions already made keep their place. */
export async function setMeetingLink(db: Db, actor: Actor, input: MeetingUrlInput) {
  assertCan(actor.role, "coachees:manage");
  const meetingUrl = input.meetingUrl || null;
  await tenantDb(db, actor.organizationId).membership.update({
    where: { organizationId_id: { organizationId: actor.organizationId, id: actor.membershipId } },
    data: { meetingUrl },
  });
  return { meetingUrl: meetingUrl ?? "" };
}
