// The privacy matrix's world and vocabulary. Every item kind of private coaching material (notes and
// their comments, files, assessments, goal comments, messages) describes its items in tests/integration/privacy/:
// who may read each one and how a viewer would find it through every service that reads it. The
// matrix test asks every viewer about every item; an item its readers see is the positive control for
// every viewer who must not.
import type { Db } from "../../lib/db/client";
import { ExpectedError } from "../../lib/errors";
import { createActor, createCoachingRelationship } from "../factories";
import type { TestActor } from "../factories/actor";
import { createWorld, type World } from "./world";

export const VIEWERS = [
  // The coachee's pathway coach: the author of every coach-written item.
  "coach",
  // Another coach of the same coachee.
  "secondCoach",
  // A coach of someone else in the same organisation, and that someone.
  "otherCoach",
  "othersCoachee",
  // A coach of the coachee while the items were made, no longer (endFormerCoaching).
  "formerCoach",
  "coachee",
  "owner",
  "admin",
  "implementationAdmin",
  "pm",
  "sponsor",
  "otherOrgAdmin",
  "otherOrgCoach",
] as const;
export type Viewer = (typeof VIEWERS)[number];

export type PrivacyWorld = World & {
  coachee: TestActor;
  secondCoach: TestActor;
  otherCoach: TestActor;
  othersCoachee: TestActor;
  formerCoach: TestActor;
  viewers: Record<Viewer, TestActor>;
};

/** The world's participant is the coachee, coached by the world's coach and a second coach. */
export async function createPrivacyWorld(db: Db): Promise<PrivacyWorld> {
  const w = await createWorld(db);
  const secondCoach = await createActor(db, w.org.id, "COACH", { account: { firstName: "Second", lastName: "Coach" } });
  await createCoachingRelationship(db, { coach: secondCoach.membership, coachee: w.participant.membership });
  const otherCoach = await createActor(db, w.org.id, "COACH");
  const othersCoachee = await createActor(db, w.org.id, "PARTICIPANT");
  await createCoachingRelationship(db, { coach: otherCoach.membership, coachee: othersCoachee.membership });
  const formerCoach = await createActor(db, w.org.id, "COACH", { account: { firstName: "Former", lastName: "Coach" } });
  const implementationAdmin = await createActor(db, w.org.id, "IMPLEMENTATION_ADMIN");
  const viewers: Record<Viewer, TestActor> = {
    coach: w.coach,
    secondCoach,
    otherCoach,
    othersCoachee,
    formerCoach,
    coachee: w.participant,
    owner: w.owner,
    admin: w.admin,
    implementationAdmin,
    pm: w.pm,
    sponsor: w.sponsor,
    otherOrgAdmin: w.other.admin,
    otherOrgCoach: w.other.coach,
  };
  return { ...w, coachee: w.participant, secondCoach, otherCoach, othersCoachee, formerCoach, viewers };
}

/**
 * The former coach coaches the coachee while the privacy matrix makes its items (the world's other
 * tests count the coachee's coaches without them), and stops once they are made, as when a pathway
 * passes to another coach: whatever reached them while they coached (notifications, threads) must not
 * show the items any more.
 */
export async function startFormerCoaching(db: Db, w: PrivacyWorld): Promise<void> {
  await createCoachingRelationship(db, { coach: w.formerCoach.membership, coachee: w.coachee.membership });
}

export async function endFormerCoaching(db: Db, w: PrivacyWorld): Promise<void> {
  await db.coachingRelationship.deleteMany({
    where: { organizationId: w.org.id, coachMembershipId: w.formerCoach.membershipId, coacheeMembershipId: w.coachee.membershipId },
  });
}

/** One private thing: who may read it, and whether a viewer finds it by any path that reads it. */
export type PrivacyItem = {
  label: string;
  readers: readonly Viewer[];
  /** True when any read (list, search, get by id, download, notifications) shows the item to `viewer`. */
  sees: (viewer: TestActor) => Promise<boolean>;
};

/**
 * An item kind: makes its items (each visibility it has) in a fresh privacy world. `models`: the tables
 * its items are rows of (every table with an author, an uploader or a visibility must be some kind's).
 */
export type PrivacyKind = { kind: string; models: readonly string[]; items: (db: Db, w: PrivacyWorld) => Promise<PrivacyItem[]> };

/**
 * What a read shows: `found(result)` when it answers, false when it is refused as not found or
 * forbidden (an expected error); anything else is a bug and fails the test.
 */
export async function shows<T>(read: Promise<T>, found: (result: T) => boolean): Promise<boolean> {
  try {
    return found(await read);
  } catch (error) {
    if (error instanceof ExpectedError) return false;
    throw error;
  }
}

/** Whether any of these reads shows the item. */
export async function anyShows(reads: Array<() => Promise<boolean>>): Promise<boolean> {
  for (const read of reads) if (await read()) return true;
  return false;
}
