import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/actor";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors";
import { cohortFilterSchema, getCohort } from "../../lib/programmes/cohorts";
import { addUserWithPathway, addUserWithPathwaySchema, enrolMember, enrolSchema } from "../../lib/pathways/enrol";
import { archivePathway, archiveSchema, unarchivePathway } from "../../lib/pathways/archive";
import { getPathway, memberPathways } from "../../lib/pathways/read";
import { scheduleSession } from "../../lib/pathways/sessions";
import { localMoment } from "../../lib/sessions/fields";
import { setSessionStatus } from "../../lib/sessions/status";
import { isoTime } from "../../lib/format/dates";
import { cohortSchema, createCohort, updateCohort, updateCohortSchema } from "../../lib/programmes/cohorts";
import { listProgrammesWithCounts } from "../../lib/programmes/programmes";
import { pathwayReport, pathwayReportCsv } from "../../lib/reports/pathway-report";
import { listUsers, userFilterSchema } from "../../lib/users/list";
import { actorOf, createActor, createMember, createOrganization, unique } from "../factories";
import { testDb } from "../support/db";
import { english, englishError } from "../support/english";
import { recordFigures } from "../support/figures";
import { createWorld } from "../support/world";
import { isoDay } from "../../lib/format/dates";

const db = testDb();

/** The shared world with an empty cohort "Spring" of a 6-session programme (the tests count its pathways). */
const world = () => createWorld(db, { organization: { seatLimit: 50 }, pathway: false });
type World = Awaited<ReturnType<typeof world>>;

async function enrol(w: Pick<World, "org" | "admin" | "cohort" | "coach">, actor: Actor = w.admin, overrides: Record<string, string> = {}) {
  const participant = await createMember(db, w.org.id, { role: "PARTICIPANT" });
  const pathway = await enrolMember(
    db,
    actor,
    enrolSchema.parse({
      membershipId: participant.membership.id,
      cohortId: w.cohort.id,
      coach: w.coach.user.email,
      startDate: "2026-03-02",
      timezone: "Europe/London",
      ...overrides,
    }),
  );
  return { participant, pathway };
}

// A coach's sessions never overlap (a database constraint): each attended session has a day of its own.
let attendedDay = 0;
async function attend(w: Pick<World, "admin">, pathwayId: string, n: number) {
  for (let i = 0; i < n; i++) {
    const s = await scheduleSession(db, w.admin, {
      pathwayId,
      title: `Session ${i + 1}`,
      date: isoDay(new Date(Date.UTC(2026, 0, 10 + ++attendedDay))),
      time: "09:30",
      durationMinutes: 60,
    });
    await setSessionStatus(db, w.admin, { sessionId: s.id, status: "ATTENDED" });
  }
}

const ledgerSum = async (cohortId: string) =>
  (await db.creditEntry.aggregate({ where: { cohortId }, _sum: { amount: true } }))._sum.amount ?? 0;
const balance = async (cohortId: string) => (await db.cohort.findFirstOrThrow({ where: { id: cohortId } })).creditBalance;

describe("pathways", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it("cannot exist without a coach, and the coach must be an active COACH of this organisation", async () => {
    const participant = await createMember(db, w.org.id, { role: "PARTICIPANT" });
    const base = { membershipId: participant.membership.id, cohortId: w.cohort.id, startDate: "2026-03-02", timezone: "UTC" };
    expect(enrolSchema.safeParse({ ...base, coach: "" }).success).toBe(false);
    const foreignOrg = await createOrganization(db);
    const foreignCoach = await createMember(db, foreignOrg.id, { role: "COACH" });
    const goneCoach = await createMember(db, w.org.id, { role: "COACH", status: "DEACTIVATED" });
    const notACoach = await createMember(db, w.org.id, { role: "SPONSOR" });
    for (const coach of [foreignCoach, goneCoach, notACoach]) {
      const error = await enrolMember(db, w.admin, enrolSchema.parse({ ...base, coach: coach.user.email })).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(english(error.fieldErrors.coach[0])).toMatch(/active coach/);
    }
    expect(await db.pathway.count({ where: { membershipId: participant.membership.id } })).toBe(0);
    // Positive control, and a participant may have several pathways.
    await enrolMember(db, w.admin, enrolSchema.parse({ ...base, coach: w.coach.user.email, tags: "exec, remote" }));
    await enrolMember(db, w.admin, enrolSchema.parse({ ...base, coach: w.coach.user.email.toUpperCase() }));
    const pathways = await memberPathways(db, w.admin, participant.membership.id);
    expect(pathways).toHaveLength(2);
  });

  it("refuses a time the clocks skip that night (London, New York), saying so at the time field with the time it would become; stores nothing", async () => {
    for (const [zone, date, day, gap, shifted, fine] of [
      ["Europe/London", "2027-03-28", "Sun 28 Mar 2027", "01:30", "02:30", "00:30"],
      ["America/New_York", "2027-03-14", "Sun 14 Mar 2027", "02:30", "03:30", "01:30"],
    ]) {
      const { pathway } = await enrol(w, w.admin, { timezone: zone });
      const at = (time: string) =>
        scheduleSession(db, w.admin, { pathwayId: pathway.id, title: "Spring", date, time, durationMinutes: 30 });
      const refused = await at(gap).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused, zone).toBeInstanceOf(ValidationError);
      expect(english((refused as ValidationError).fieldErrors?.time?.[0])).toBe(
        `${gap} does not exist on ${day} in ${zone}: the clocks go forward that night. Choose another time, such as ${shifted}.`,
      );
      expect(await db.coachingSession.count({ where: { pathwayId: pathway.id } })).toBe(0);
      // The positive controls: the time it suggests, and one before the change, are saved as typed.
      for (const time of [shifted, fine]) {
        const session = await at(time);
        expect(isoTime(session.scheduledAt, zone)).toBe(`${date} ${time}`);
      }
    }
    // The whole gap, and nothing either side of it: every minute of the night checked in London.
    let refusedMinutes = 0;
    for (let minute = 0; minute < 180; minute++) {
      const time = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
      try {
        expect(isoTime(localMoment("2027-03-28", time, "Europe/London"), "Europe/London")).toBe(`2027-03-28 ${time}`);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        refusedMinutes++;
        expect(time >= "01:00" && time < "02:00", time).toBe(true);
      }
    }
    expect(refusedMinutes).toBe(60);
  });

  it("names who made each credit entry as the organisation sees them, never by their account's email", async () => {
    const { pathway } = await enrol(w);
    await archivePathway(db, w.admin, archiveSchema.parse({ pathwayId: pathway.id, reason: "DNF", credit: "on" }));
    const { ledger } = await getCohort(db, w.admin, w.cohort.id, cohortFilterSchema.parse({}));
    const mine = ledger.filter((e) => e.pathwayId === pathway.id);
    expect(mine.length).toBeGreaterThan(0);
    const name = `${w.admin.membership.firstName} ${w.admin.membership.lastName}`.trim();
    expect(name).not.toBe("");
    for (const entry of mine) expect(entry.who).toBe(name);
    expect(JSON.stringify(ledger)).not.toContain(w.admin.email);
  });

  it("refuses an archive without a reason, and credits exactly the unused sessions; the ledger sums to the balance", async () => {
    const { pathway } = await enrol(w);
    expect(archiveSchema.safeParse({ pathwayId: pathway.id, credit: "on" }).success).toBe(false);
    await attend(w, pathway.id, 2);
    const before = await balance(w.cohort.id);
    const result = await archivePathway(db, w.admin, archiveSchema.parse({ pathwayId: pathway.id, reason: "DNF", credit: "on" }));
    expect(result).toEqual({ credited: 4, unused: 4 });
    expect(await balance(w.cohort.id)).toBe(before + 4);
    expect(await ledgerSum(w.cohort.id)).toBe(await balance(w.cohort.id));
    const detail = await getPathway(db, w.admin, pathway.id);
    expect(detail).toMatchObject({ status: "ARCHIVED", archiveReason: "DNF", used: 2, unused: 4 });
    // Archived sessions no longer change.
    expect(
      await englishError(
        scheduleSession(db, w.admin, { pathwayId: pathway.id, title: "Late", date: "2026-04-01", time: "10:00", durationMinutes: 30 }),
      ),
    ).toMatch(/archived/);
    // Without credit: nothing on the ledger.
    const other = await enrol(w);
    expect((await archivePathway(db, w.admin, archiveSchema.parse({ pathwayId: other.pathway.id, reason: "DNS" }))).credited).toBe(0);
    expect(await ledgerSum(w.cohort.id)).toBe(before + 4);
  });

  it("un-archiving (admins only) reverses the credit through another entry", async () => {
    const { pathway } = await enrol(w);
    const before = await balance(w.cohort.id);
    await archivePathway(db, w.admin, archiveSchema.parse({ pathwayId: pathway.id, reason: "COMPLETED", credit: "on" }));
    expect(await balance(w.cohort.id)).toBe(before + 6);
    const pm = w.pm; // assigned to the programme
    await expect(unarchivePathway(db, pm, pathway.id)).rejects.toThrow(ForbiddenError);
    expect(await unarchivePathway(db, w.admin, pathway.id)).toEqual({ reversed: 6 });
    expect(await balance(w.cohort.id)).toBe(before);
    expect(await ledgerSum(w.cohort.id)).toBe(before);
    const entries = await db.creditEntry.findMany({ where: { pathwayId: pathway.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => e.amount)).toEqual([6, -6]);
    expect((await getPathway(db, w.admin, pathway.id)).status).toBe("ACTIVE");
  });

  it("archives and credits once when two people archive the same pathway at once", async () => {
    const { pathway } = await enrol(w);
    const before = await balance(w.cohort.id);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        archivePathway(db, w.admin, archiveSchema.parse({ pathwayId: pathway.id, reason: "DNF", credit: "on" })),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await balance(w.cohort.id)).toBe(before + 6);
    expect(await db.creditEntry.count({ where: { pathwayId: pathway.id } })).toBe(1);
    expect(await ledgerSum(w.cohort.id)).toBe(await balance(w.cohort.id));
    recordFigures("pathway-archive-race", {
      concurrentArchives: 5,
      doubleCredits: (await db.creditEntry.count({ where: { pathwayId: pathway.id } })) - 1,
    });
  });

  it("schedules sessions at the local time of the pathway's time zone", async () => {
    const { pathway } = await enrol(w, w.admin, { timezone: "America/New_York" });
    const session = await scheduleSession(db, w.admin, {
      pathwayId: pathway.id,
      title: "Kick-off",
      date: "2026-07-01",
      time: "09:30",
      durationMinutes: 45,
    });
    expect(session.scheduledAt.toISOString()).toBe("2026-07-01T13:30:00.000Z");
    // The pathway's coach may run its sessions; another coach may not see it at all.
    const coachActor: Actor = w.coach;
    await setSessionStatus(db, coachActor, { sessionId: session.id, status: "NO_SHOW" });
    const stranger = await createActor(db, w.org.id, "COACH");
    await expect(setSessionStatus(db, stranger, { sessionId: session.id, status: "ATTENDED" })).rejects.toThrow(NotFoundError);
    expect((await getPathway(db, coachActor, pathway.id)).sessions[0].status).toBe("NO_SHOW");
  });
});

describe("session outcomes wait for the session to start", () => {
  it("refuses attended and no-show on a future session and changes nothing; cancel any time; a past session may be attended", async () => {
    const w = await world();
    const { pathway } = await enrol(w, w.admin, { timezone: "UTC" });
    const tomorrow = isoDay(new Date(Date.now() + 86_400_000));
    const future = await scheduleSession(db, w.admin, {
      pathwayId: pathway.id,
      title: "Next week",
      date: tomorrow,
      time: "09:00",
      durationMinutes: 60,
    });
    const coachActor: Actor = w.coach;
    for (const actor of [w.admin, coachActor]) {
      for (const status of ["ATTENDED", "NO_SHOW"] as const) {
        const error = await setSessionStatus(db, actor, { sessionId: future.id, status }).catch((e) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect(english(error.message)).toMatch(/not started yet.*once it has begun/);
      }
    }
    const after = await getPathway(db, w.admin, pathway.id);
    expect(after.sessions.map((s) => [s.status, s.started])).toEqual([["SCHEDULED", false]]);
    expect(after.used).toBe(0);
    // Cancelling a future session is fine, and so is undoing it.
    await setSessionStatus(db, w.admin, { sessionId: future.id, status: "CANCELLED" });
    expect((await getPathway(db, w.admin, pathway.id)).sessions[0].status).toBe("CANCELLED");
    await setSessionStatus(db, w.admin, { sessionId: future.id, status: "SCHEDULED" });
    // Positive control: a session that has started may be marked attended, and that spends one.
    const past = await scheduleSession(db, w.admin, {
      pathwayId: pathway.id,
      title: "Last week",
      date: "2026-03-10",
      time: "09:00",
      durationMinutes: 60,
    });
    await setSessionStatus(db, coachActor, { sessionId: past.id, status: "ATTENDED" });
    const detail = await getPathway(db, w.admin, pathway.id);
    expect(detail.sessions.find((s) => s.id === past.id)).toMatchObject({ status: "ATTENDED", started: true });
    expect(detail.used).toBe(1);
  });
});

describe("scope and tenancy", () => {
  it("gives a programme manager outside the programme 'not found', and one inside it the cohort", async () => {
    const w = await world();
    const { pathway } = await enrol(w);
    const outside = await createActor(db, w.org.id, "PROGRAM_MANAGER");
    const inside = w.pm; // assigned to the programme
    const filter = cohortFilterSchema.parse({});
    await expect(getCohort(db, outside, w.cohort.id, filter)).rejects.toThrow(NotFoundError);
    await expect(getPathway(db, outside, pathway.id)).rejects.toThrow(NotFoundError);
    await expect(archivePathway(db, outside, archiveSchema.parse({ pathwayId: pathway.id, reason: "DNF" }))).rejects.toThrow(NotFoundError);
    await expect(
      createCohort(db, outside, cohortSchema.parse({ programmeId: w.programme.id, name: "Theirs", startDate: "", endDate: "" })),
    ).rejects.toThrow(NotFoundError);
    await expect(
      updateCohort(db, outside, updateCohortSchema.parse({ cohortId: w.cohort.id, name: "Renamed", startDate: "", endDate: "" })),
    ).rejects.toThrow(NotFoundError);
    expect(updateCohortSchema.safeParse({ cohortId: w.cohort.id, name: "x", startDate: "2026-05-01", endDate: "2026-04-01" }).success).toBe(
      false,
    );
    await updateCohort(
      db,
      inside,
      updateCohortSchema.parse({
        cohortId: w.cohort.id,
        name: "Spring renamed",
        clientName: "Acme",
        startDate: "2026-03-01",
        endDate: "2026-09-30",
      }),
    );
    expect((await db.cohort.findFirstOrThrow({ where: { id: w.cohort.id } })).name).toBe("Spring renamed");
    expect(await listProgrammesWithCounts(db, outside)).toEqual([]);
    // Positive controls.
    expect((await getCohort(db, inside, w.cohort.id, filter)).pathways).toHaveLength(1);
    expect((await listProgrammesWithCounts(db, inside)).map((p) => p.id)).toEqual([w.programme.id]);
    // The programme manager now sees the pathway's participant and coach in the Users list.
    const seen = (await listUsers(db, inside, userFilterSchema.parse({}))).rows.map((r) => r.id);
    expect(seen).toEqual(expect.arrayContaining([pathway.membershipId, pathway.coachMembershipId]));
    // A sponsor of the programme reads but cannot change.
    const sponsor = w.sponsor; // assigned to the programme
    expect((await getCohort(db, sponsor, w.cohort.id, filter)).pathways).toHaveLength(1);
    await expect(archivePathway(db, sponsor, archiveSchema.parse({ pathwayId: pathway.id, reason: "DNF" }))).rejects.toThrow(
      ForbiddenError,
    );
  });

  it("treats another organisation's programme, cohort, pathway and session ids as missing, changing nothing", async () => {
    const mine = await world();
    const theirs = mine.other;
    const { pathway } = await enrol(theirs);
    const session = await scheduleSession(db, theirs.admin, {
      pathwayId: pathway.id,
      title: "Theirs",
      date: "2026-05-01",
      time: "10:00",
      durationMinutes: 30,
    });
    const filter = cohortFilterSchema.parse({});
    let attempts = 0;
    const refused = async (p: Promise<unknown>) => {
      attempts++;
      expect(await englishError(p)).toMatch(/Not found|Choose a cohort|Check the highlighted/);
    };
    await refused(getCohort(db, mine.admin, theirs.cohort.id, filter));
    await refused(getPathway(db, mine.admin, pathway.id));
    await refused(archivePathway(db, mine.admin, archiveSchema.parse({ pathwayId: pathway.id, reason: "DNF", credit: "on" })));
    await refused(unarchivePathway(db, mine.admin, pathway.id));
    await refused(setSessionStatus(db, mine.admin, { sessionId: session.id, status: "ATTENDED" }));
    await refused(
      scheduleSession(db, mine.admin, { pathwayId: pathway.id, title: "x", date: "2026-05-01", time: "10:00", durationMinutes: 30 }),
    );
    await refused(
      createCohort(db, mine.admin, cohortSchema.parse({ programmeId: theirs.programme.id, name: "Hijack", startDate: "", endDate: "" })),
    );
    const participant = await createMember(db, mine.org.id, { role: "PARTICIPANT" });
    await refused(
      enrolMember(
        db,
        mine.admin,
        enrolSchema.parse({
          membershipId: participant.membership.id,
          cohortId: theirs.cohort.id,
          coach: mine.coach.user.email,
          startDate: "2026-03-02",
          timezone: "UTC",
        }),
      ),
    );
    const foreignParticipant = await createMember(db, theirs.org.id, { role: "PARTICIPANT" });
    await refused(
      enrolMember(
        db,
        mine.admin,
        enrolSchema.parse({
          membershipId: foreignParticipant.membership.id,
          cohortId: mine.cohort.id,
          coach: mine.coach.user.email,
          startDate: "2026-03-02",
          timezone: "UTC",
        }),
      ),
    );
    expect(await db.pathway.findFirstOrThrow({ where: { id: pathway.id } })).toMatchObject({ status: "ACTIVE" });
    expect(await db.coachingSession.findFirstOrThrow({ where: { id: session.id } })).toMatchObject({ status: "SCHEDULED" });
    expect(await db.cohort.count({ where: { programmeId: theirs.programme.id } })).toBe(1);
    expect(await ledgerSum(theirs.cohort.id)).toBe(0);
    recordFigures("pathways-cross-tenant", { isolationChecks: attempts, leaks: 0 });
  });
});

describe("adding a user with a pathway in one step", () => {
  it("invites a new person as a participant of the programme and enrols them; an existing member is just enrolled", async () => {
    const w = await world();
    const email = `plus-${unique()}@example.test`;
    const input = (e: string) =>
      addUserWithPathwaySchema.parse({
        email: e,
        firstName: "Nia",
        lastName: "New",
        cohortId: w.cohort.id,
        coach: w.coach.user.email,
        startDate: "2026-04-01",
        timezone: "Europe/Berlin",
      });
    const { pathway, invited } = await addUserWithPathway(db, w.admin, input(email));
    expect(invited).toBe(true);
    const member = await db.membership.findFirstOrThrow({ where: { id: pathway.membershipId }, include: { user: true } });
    expect(member).toMatchObject({ role: "PARTICIPANT", status: "INVITED", user: { firstName: "Nia", lastName: "New" } });
    expect(await db.invitation.count({ where: { organizationId: w.org.id, email } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { toAddress: email, template: "invitation" } })).toBe(1);

    const again = await addUserWithPathway(db, w.admin, input(email));
    expect(again.invited).toBe(false);
    expect(await db.pathway.count({ where: { membershipId: pathway.membershipId } })).toBe(2);
    expect(await db.invitation.count({ where: { organizationId: w.org.id, email } })).toBe(1);

    // A bad coach stops everything: nobody is invited.
    const nobody = `nobody-${unique()}@example.test`;
    await expect(addUserWithPathway(db, w.admin, { ...input(nobody), coach: "not-a-coach@example.test" })).rejects.toThrow(ValidationError);
    expect(await db.user.count({ where: { email: nobody } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { toAddress: nobody } })).toBe(0);
  });
});

describe("reporting", () => {
  it("counts pathways by outcome and sessions used and credited, per cohort and per programme, and exports CSV", async () => {
    const w = await world();
    const second = await createCohort(
      db,
      w.admin,
      cohortSchema.parse({ programmeId: w.programme.id, name: "Autumn", startDate: "", endDate: "" }),
    );
    const a = await enrol(w);
    const b = await enrol(w);
    await enrol(w);
    await attend(w, a.pathway.id, 6);
    await attend(w, b.pathway.id, 1);
    await archivePathway(db, w.admin, archiveSchema.parse({ pathwayId: a.pathway.id, reason: "COMPLETED", credit: "on" }));
    await archivePathway(db, w.admin, archiveSchema.parse({ pathwayId: b.pathway.id, reason: "DNF", credit: "on" }));
    const report = await pathwayReport(db, w.admin);
    const spring = report.cohorts.find((r) => r.cohort === "Spring")!;
    expect(spring).toMatchObject({ active: 1, completed: 1, dnf: 1, dns: 0, sessionsIncluded: 18, sessionsUsed: 7, sessionsCredited: 5 });
    expect(report.cohorts.find((r) => r.cohort === second.name)).toMatchObject({ active: 0, sessionsCredited: 0 });
    expect(report.programmes).toEqual([
      expect.objectContaining({ programme: w.programme.name, active: 1, completed: 1, dnf: 1, sessionsUsed: 7, sessionsCredited: 5 }),
    ]);
    const csv = await pathwayReportCsv(db, w.admin);
    expect(csv.startsWith("\uFEFFProgramme,Cohort,Active")).toBe(true);
    expect(csv).toContain(`${w.programme.name},Spring,1,1,1,0,18,7,5`);
    expect(csv).toContain(`${w.programme.name},All cohorts,1,1,1,0,18,7,5`);
    const counts = (await listProgrammesWithCounts(db, w.admin))[0].counts;
    expect(counts).toEqual({ active: 1, COMPLETED: 1, DNF: 1, DNS: 0 });
  });
});

describe("the dashboard's watchlist", () => {
  it("lists pathways starting in the next two weeks and started ones without a recent attended session", async () => {
    const w = await world();
    const now = new Date("2026-06-15T12:00:00Z");
    const soon = await enrol(w, w.admin, { startDate: "2026-06-20" });
    await enrol(w, w.admin, { startDate: "2026-08-01" }); // too far
    const quiet = await enrol(w, w.admin, { startDate: "2026-05-01" });
    const busy = await enrol(w, w.admin, { startDate: "2026-05-01" });
    const s = await scheduleSession(db, w.admin, {
      pathwayId: busy.pathway.id,
      title: "Recent",
      date: "2026-06-10",
      time: "10:00",
      durationMinutes: 60,
    });
    await setSessionStatus(db, w.admin, { sessionId: s.id, status: "ATTENDED" });
    const { pathwayWatchlist } = await import("../../lib/pathways/read");
    const list = await pathwayWatchlist(db, w.admin, now);
    expect(list.startingSoon.map((p) => p.id)).toEqual([soon.pathway.id]);
    expect(list.quiet.map((p) => p.id)).toEqual([quiet.pathway.id]);
    // A coach sees only the pathways they coach.
    const other = await createActor(db, w.org.id, "COACH");
    expect(await pathwayWatchlist(db, other, now)).toEqual({ startingSoon: [], quiet: [] });
    const { pathwaysInReach } = await import("../../lib/pathways/read");
    const coachActor: Actor = w.coach;
    expect((await pathwaysInReach(db, coachActor)).length).toBe(4);
    expect(await pathwaysInReach(db, other)).toEqual([]);
    const own: Actor = actorOf(quiet.participant);
    expect((await pathwaysInReach(db, own)).map((p) => p.id)).toEqual([quiet.pathway.id]);
  });
});
