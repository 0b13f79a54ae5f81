// The one test world: an organisation with a member of each everyday role, a programme with a cohort
// and a pathway, and a second organisation beside it for cross-tenant cases. Every call builds a new
// one, so a test may count, fill or break its world without seeing another test's rows. Tests that
// count members or seats ask for exactly the members they count.
import type { Db } from "../../lib/db/client";
import type { Cohort, Organization, Pathway, Programme } from "../../lib/db/generated/client";
import type { Role } from "../../lib/db/generated/enums";
import {
  assignProgramme,
  createActor,
  createCohort,
  createOrganization,
  createPathway,
  createProgramme,
  type CohortOverrides,
  type MemberOverrides,
  type OrganizationOverrides,
  type TestActor,
} from "../factories";

export const MEMBER_ROLES = {
  owner: "OWNER",
  admin: "ADMIN",
  pm: "PROGRAM_MANAGER",
  coach: "COACH",
  sponsor: "SPONSOR",
  participant: "PARTICIPANT",
} as const satisfies Record<string, Role>;

export type MemberKey = keyof typeof MEMBER_ROLES;
export type Members<K extends MemberKey> = { [P in K]: TestActor };

const EVERYONE = Object.keys(MEMBER_ROLES) as MemberKey[];

/** A new organisation with one active member per key (`["admin"]`: an ADMIN), each as the Actor services take. */
export async function createOrganizationWith<K extends MemberKey>(
  db: Db,
  members: readonly K[],
  organization: OrganizationOverrides = {},
  overrides: Partial<Record<K, Omit<MemberOverrides, "role">>> = {},
): Promise<{ org: Organization } & Members<K>> {
  const org = await createOrganization(db, organization);
  const made: Record<string, TestActor> = {};
  for (const key of members) made[key] = await createActor(db, org.id, MEMBER_ROLES[key], overrides[key]);
  return { org, ...(made as Members<K>) };
}

export type WorldOptions<K extends MemberKey, P extends boolean> = {
  /** Who is in the organisation; everyone (owner, admin, pm, coach, sponsor, participant) unless listed. */
  members?: readonly K[];
  /** The participant's pathway in the cohort, coached by the coach; `false` leaves the cohort empty. */
  pathway?: P;
  organization?: OrganizationOverrides;
  /** Defaults: a unique name, 6 sessions included. */
  programme?: { name?: string; description?: string; sessionsIncluded?: number };
  /** Defaults: "Spring", from 2026-03-01. */
  cohort?: CohortOverrides;
  /** The coach's account (an existing account with this email joins as it is). */
  coachEmail?: string;
};

/** The second organisation: an admin and a coach, a programme and a cohort of its own. */
export type OtherOrganization = { org: Organization } & Members<"admin" | "coach"> & { programme: Programme; cohort: Cohort };

export type World<K extends MemberKey = MemberKey, P extends boolean = true> = { org: Organization } & Members<K> & {
    programme: Programme;
    cohort: Cohort;
    pathway: P extends false ? null : Pathway;
    other: OtherOrganization;
  };

async function programmeWithCohort(
  db: Db,
  organizationId: string,
  options: Pick<WorldOptions<MemberKey, boolean>, "programme" | "cohort">,
) {
  const programme = await createProgramme(db, organizationId, options.programme);
  const cohort = await createCohort(db, programme, { name: "Spring", startDate: new Date("2026-03-01"), ...options.cohort });
  return { programme, cohort };
}

/** A new world (see the top of this file); the programme manager and the sponsor are assigned to its programme. */
export async function createWorld<K extends MemberKey = MemberKey, P extends boolean = true>(
  db: Db,
  options: WorldOptions<K, P> = {},
): Promise<World<K, P>> {
  const keys = options.members ?? (EVERYONE as readonly MemberKey[] as readonly K[]);
  const coachOverrides = { coach: { email: options.coachEmail } } as Partial<Record<K, Omit<MemberOverrides, "role">>>;
  const team = await createOrganizationWith(db, keys, options.organization, coachOverrides);
  const { programme, cohort } = await programmeWithCohort(db, team.org.id, options);
  const members = team as unknown as Partial<Members<MemberKey>>;
  for (const scoped of [members.pm, members.sponsor]) if (scoped) await assignProgramme(db, programme, scoped.membership);

  let pathway: Pathway | null = null;
  if (options.pathway !== false) {
    if (!members.participant || !members.coach) throw new Error("The world's pathway needs a participant and a coach among its members");
    pathway = await createPathway(db, { cohort, participant: members.participant.membership, coach: members.coach.membership });
  }

  const otherTeam = await createOrganizationWith(db, ["admin", "coach"]);
  const other: OtherOrganization = { ...otherTeam, ...(await programmeWithCohort(db, otherTeam.org.id, {})) };
  return { ...team, programme, cohort, pathway, other } as World<K, P>;
}

/** The coach the import fixtures (tests/fixtures/import) name as primary_coach. */
export const IMPORT_COACH = "import.coach@example.test";

/** A world for the import fixtures: their programme ("Import Programme"), a cohort, their coach, an admin. */
export function createImportWorld(db: Db) {
  return createWorld(db, {
    members: ["admin", "coach"],
    pathway: false,
    organization: { seatLimit: 20 },
    programme: { name: "Import Programme", sessionsIncluded: 4 },
    cohort: { name: "Imported", startDate: null },
    coachEmail: IMPORT_COACH,
  });
}
