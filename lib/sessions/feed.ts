import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { calendarFeedByToken } from "../db/cross-tenant";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { canAny } from "../authz/permissions";
import type { Role } from "../db/generated/enums";
import { ForbiddenError } from "../errors";
import { env } from "../env";
import { generateToken, hashToken } from "../security/tokens";
import { CALENDAR_SESSION, sessionsCalendar } from "./ical";
import { sessionUrl } from "./invitations";

// A person's own calendar subscription: a secret https link that calendar apps poll (every few minutes
// to every few hours) for that person's sessions, as coach or as coachee. The link is shown once; only
// its SHA-256 is kept, so a lost link is replaced, never shown again. It carries titles, times, places
// and each session's page, never notes or who else is in it; and it is cheap to poll: an unchanged feed
// answers 304 from one indexed count, without building the calendar.

/** Who may have a feed: whoever has sessions of their own (a coach, a participant). */
export const FEED_PERMISSIONS = ["coachees:manage", "portal:use"] as const;
/** The feed spans this far back and ahead; past it a session is in nobody's calendar app through us. */
export const FEED_DAYS_BACK = 90;
export const FEED_DAYS_AHEAD = 400;
/** At most this many sessions in one feed (the soonest first), whatever a person has. */
export const FEED_MAX_SESSIONS = 1_000;

/** Refuses anyone without sessions of their own (a feed, reminders). */
export function assertMayHaveFeed(role: Role) {
  if (!canAny(role, FEED_PERMISSIONS)) throw new ForbiddenError();
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The feed's address for a token: on APP_URL, never a request's Host. */
export function feedUrl(token: string): string {
  return new URL(`/feeds/${token}.ics`, env().APP_URL).toString();
}

/** Whether the actor has a feed, and since when (the page never learns its link again). */
export async function feedStatus(db: Db, actor: Actor): Promise<{ createdAt: Date } | null> {
  assertMayHaveFeed(actor.role);
  return tenantDb(db, actor.organizationId).calendarFeed.findFirst({
    where: { membershipId: actor.membershipId },
    select: { createdAt: true },
  });
}

/** A new feed link for the actor, replacing any earlier one (which stops working at once); returned once. */
export async function createFeed(db: Db, actor: Actor): Promise<{ url: string }> {
  assertMayHaveFeed(actor.role);
  const { token, hash } = generateToken();
  const t = tenantDb(db, actor.organizationId);
  await t.$transaction(async (tx) => {
    await tx.calendarFeed.deleteMany({ where: { membershipId: actor.membershipId } });
    await tx.calendarFeed.create({ data: { organizationId: actor.organizationId, membershipId: actor.membershipId, tokenHash: hash } });
  });
  return { url: feedUrl(token) };
}

/** Turns the actor's feed off: its link answers 404 from now on. */
export async function revokeFeed(db: Db, actor: Actor): Promise<void> {
  assertMayHaveFeed(actor.role);
  await tenantDb(db, actor.organizationId).calendarFeed.deleteMany({ where: { membershipId: actor.membershipId } });
}

/**
 * Calendars already built, by ETag (which names the feed and its state): calendar apps poll the same
 * unchanged feed all day, most without a conditional request, and building a thousand events takes a
 * tenth of a second. Bounded by count; the oldest goes first. Each process keeps its own.
 */
const BUILT = new Map<string, string>();
const BUILT_MAX = 50;

function remember(etag: string, body: string) {
  BUILT.set(etag, body);
  if (BUILT.size > BUILT_MAX) BUILT.delete(BUILT.keys().next().value!);
}

export type FeedAnswer = { status: 404 } | { status: 304; etag: string } | { status: 200; etag: string; body: string };

/**
 * The feed a token opens, or 404 for an unknown or revoked token and for a member who may no longer
 * sign in. `ifNoneMatch`: the ETag the calendar app holds; when it still describes the feed, 304.
 */
export async function readFeed(db: Db, token: string, ifNoneMatch: string | null, now: Date = new Date()): Promise<FeedAnswer> {
  if (!TOKEN_PATTERN.test(token)) return { status: 404 };
  const feed = await calendarFeedByToken(db, hashToken(token));
  if (!feed) return { status: 404 };
  const t = tenantDb(db, feed.organizationId);
  const mine = { OR: [{ coachMembershipId: feed.membershipId }, { coacheeMembershipId: feed.membershipId }] };
  const where = {
    ...mine,
    scheduledAt: {
      gte: new Date(now.getTime() - FEED_DAYS_BACK * 86_400_000),
      lte: new Date(now.getTime() + FEED_DAYS_AHEAD * 86_400_000),
    },
  };
  // What the calendar app last saw: the same sessions, none changed since. A session moved out of the
  // window or deleted changes the count or the newest change; the day is in it so the window moves on.
  const summary = await t.coachingSession.aggregate({ where, _count: { _all: true }, _max: { updatedAt: true } });
  const etag = `"${createHash("sha256")
    .update(
      `${feed.tokenHash}:${feed.organization.slug}:${summary._count._all}:${summary._max.updatedAt?.toISOString() ?? "-"}:${now.toISOString().slice(0, 10)}`,
    )
    .digest("base64url")
    .slice(0, 27)}"`;
  if (ifNoneMatch !== null && ifNoneMatch.split(",").some((tag) => tag.trim() === etag)) return { status: 304, etag };
  const cached = BUILT.get(etag);
  if (cached !== undefined) return { status: 200, etag, body: cached };
  const sessions = await t.coachingSession.findMany({
    where,
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    take: FEED_MAX_SESSIONS,
    select: CALENDAR_SESSION,
  });
  const body = sessionsCalendar({
    method: "PUBLISH",
    name: "Pathwise",
    sessions: sessions.map((s) => ({ ...s, url: sessionUrl(feed.organization.slug, s.id) })),
  });
  remember(etag, body);
  return { status: 200, etag, body };
}
