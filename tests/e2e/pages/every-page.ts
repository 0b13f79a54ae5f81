import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { can, type Permission } from "../../../lib/authz/permissions";
import type { Role } from "../../../lib/db/generated/enums";
import { DEMO_ORG, DEMO_USERS } from "../../../prisma/seed";
import { AppPage } from "./app-page";
import { e2eFilesDir } from "../../support/e2e-database";
import { onAppDatabase } from "./database";
import { unique } from "../../factories/unique";

// Every page a person can open, per role, for the checks that must hold on all of them (phone width,
// accessibility). A page is listed once with the permission it needs, so a role's list follows the
// permission table; pages with an id in the URL are found by following the app's own links.

const ORG = `/${DEMO_ORG.slug}`;

/** One demo person per role in the seed (the first of each: coach1 coaches Pat's pathway, Pat is on it). */
export const ROLE_USERS: { role: Role; email: string }[] = DEMO_USERS.filter(
  (u, i) => DEMO_USERS.findIndex((v) => v.role === u.role) === i,
).map((u) => ({
  role: u.role,
  email: u.email,
}));

export type ListedPage = { name: string; path: string };

type Finder = (page: Page, role: Role) => Promise<string>;
/** `permission`: what the page needs; a list, any one of them. */
type PageEntry = { name: string; permission: Permission | Permission[]; path: string | Finder };

/** The first link on `from` whose path matches `pattern`. */
async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string> {
  await page.goto(from);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const found = hrefs.find((h) => pattern.test(h));
  expect(found, `a link matching ${pattern} on ${from}`).toBeTruthy();
  return found!;
}

const programme: Finder = (page) => firstLink(page, `${ORG}/programmes`, /^\/[^/]+\/programmes\/[^/?]+$/);
const cohort: Finder = (page) => firstLink(page, `${ORG}/programmes`, /^\/[^/]+\/cohorts\/[^/?]+$/);
// Those with programme pages reach a pathway through its cohort; coaches and participants from their dashboard.
const pathway: Finder = async (page, role) =>
  firstLink(page, can(role, "programmes:view") ? await cohort(page, role) : ORG, /^\/[^/]+\/pathways\/(?!new)[^/?]+$/);

// A message thread: a participant's first coach from their Messages list (listed before any message);
// a coach's first coachee, from their Coachees list (their Sessions page lists only sessions still to
// come, which a demo left running for a while may no longer have).
const thread: Finder = async (page, role) => {
  if (can(role, "portal:use")) return firstLink(page, `${ORG}/messages`, /^\/[^/]+\/messages\/[^/?]+$/);
  const coachee = await firstLink(page, `${ORG}/coachees`, /^\/[^/]+\/coachees\/[0-9a-f-]{36}$/);
  return `${ORG}/messages/${coachee.split("/")[3]}`;
};
// A coach reaches their coachee's profile from the pathway they coach (the Coachees list links there too).
const coachee: Finder = async (page, role) => firstLink(page, await pathway(page, role), /^\/[^/]+\/coachees\/[0-9a-f-]{36}$/);

const SWEEP_GOAL = "A goal for the page sweeps";

type AppDb = Parameters<Parameters<typeof onAppDatabase>[0]>[0];

/**
 * Runs one of the sweeps' setups (each writes its rows only if they are not there yet) while holding a
 * lock of its own, so the roles' sweeps, running side by side, write them once.
 */
function sweepSetup<T>(fn: (db: AppDb) => Promise<T>): Promise<T> {
  return onAppDatabase(async (db) => {
    await db.query(`SELECT pg_advisory_lock(hashtext('page sweep setup'))`);
    try {
      return await fn(db);
    } finally {
      await db.query(`SELECT pg_advisory_unlock(hashtext('page sweep setup'))`);
    }
  });
}

/** Pat's organisation and membership ids, in the demo organisation. */
async function patIn(db: AppDb): Promise<{ org: string; id: string }> {
  const pat = await db.query<{ org: string; id: string }>(
    `SELECT m."organizationId" AS org, m."id" FROM "Membership" m
       JOIN "User" u ON u."id" = m."userId" JOIN "Organization" o ON o."id" = m."organizationId"
      WHERE u."email" = 'pat@acme.test' AND o."slug" = $1`,
    [DEMO_ORG.slug],
  );
  return pat.rows[0];
}

/**
 * Pat's goals with something in them (the seed has none): a goal with a milestone of two actions, one
 * overdue and one due soon, and a standalone action, so the sweeps see the tree, the sliders and the
 * badges rather than an empty state. Written once, straight to the database (setup only). Returns Pat's
 * membership id.
 */
async function patHasGoals(): Promise<string> {
  return sweepSetup(async (db) => {
    const { org, id } = await patIn(db);
    if ((await db.query(`SELECT 1 FROM "Goal" WHERE "organizationId" = $1 AND "title" = $2`, [org, SWEEP_GOAL])).rowCount) return id;
    const goal = await db.query<{ id: string }>(
      `INSERT INTO "Goal" ("organizationId", "id", "coacheeMembershipId", "title", "description", "progress", "createdByMembershipId", "updatedAt")
       VALUES ($1, gen_random_uuid(), $2, $3, 'Checked at phone width and by axe.', 25, $2, now()) RETURNING "id"`,
      [org, id, SWEEP_GOAL],
    );
    const milestone = await db.query<{ id: string }>(
      `INSERT INTO "Milestone" ("organizationId", "id", "goalId", "title", "progress", "updatedAt")
       VALUES ($1, gen_random_uuid(), $2, 'The first step of the sweeps', 25, now()) RETURNING "id"`,
      [org, goal.rows[0].id],
    );
    const action = `INSERT INTO "Action" ("organizationId", "id", "coacheeMembershipId", "goalId", "milestoneId", "title", "dueDate", "progress", "createdByMembershipId", "updatedAt")
       VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, current_date + $6::int, $7, $2, now())`;
    await db.query(action, [org, id, goal.rows[0].id, milestone.rows[0].id, "An overdue step of the sweeps", -2, 50]);
    await db.query(action, [org, id, goal.rows[0].id, milestone.rows[0].id, "A step of the sweeps due soon", 1, 0]);
    await db.query(action, [org, id, null, null, "A standalone step of the sweeps", 30, 0]);
    // A recurring action of two daily occurrences on the goal, for the series page.
    const series = await db.query<{ id: string }>(
      `INSERT INTO "ActionSeries" ("organizationId", "id", "coacheeMembershipId", "goalId", "title", "frequency", "startDate", "count", "timezone",
                                   "createdByMembershipId", "updatedAt")
       VALUES ($1, gen_random_uuid(), $2, $3, 'A recurring step of the sweeps', 'DAILY', current_date, 2, 'UTC', $2, now()) RETURNING "id"`,
      [org, id, goal.rows[0].id],
    );
    for (const day of [0, 1])
      await db.query(
        `INSERT INTO "Action" ("organizationId", "id", "coacheeMembershipId", "goalId", "seriesId", "title", "dueDate", "createdByMembershipId", "updatedAt")
         VALUES ($1, gen_random_uuid(), $2, $3, $4, 'A recurring step of the sweeps', current_date + $5::int, $2, now())`,
        [org, id, goal.rows[0].id, series.rows[0].id, day],
      );
    return id;
  });
}

const SWEEP_FILE = "A file for the page sweeps.pdf";

/**
 * A file Pat shared (the seed has none), so the sweeps see the files table with its links and buttons
 * rather than the empty state: its row, and its object where the e2e server keeps files.
 */
async function patHasFiles(): Promise<string> {
  return sweepSetup(async (db) => {
    const { org, id } = await patIn(db);
    if ((await db.query(`SELECT 1 FROM "CoacheeFile" WHERE "organizationId" = $1 AND "originalName" = $2`, [org, SWEEP_FILE])).rowCount)
      return id;
    const bytes = Buffer.from("%PDF-1.7\n%%EOF\n");
    const key = `${org}/${id}/${crypto.randomUUID()}`;
    const file = path.join(e2eFilesDir(), key);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    await db.query(
      `INSERT INTO "CoacheeFile" ("organizationId", "id", "coacheeMembershipId", "uploaderMembershipId", "visibility", "originalName", "mimeType", "size", "storageKey")
       VALUES ($1, gen_random_uuid(), $2, $2, 'SHARED', $3, 'application/pdf', $4, $5)`,
      [org, id, SWEEP_FILE, bytes.length, key],
    );
    return id;
  });
}

/**
 * Every sweep's setup rows at once, on this worker's server. Each sweep writes them all, so whichever of
 * the e2e servers a flow meets afterwards holds the same rows, whichever roles were swept there.
 */
export async function sweepData(): Promise<void> {
  await patHasGoals();
  await patHasFiles();
  await patHasNotes();
  await patHasAssessments();
}

/** The first link to `kind` ("series" or "actions") on Pat's goals as the viewer sees them. */
function onPatsGoals(kind: "series" | "actions"): Finder {
  return async (page, role) => {
    // Pat's own: a coach's first pathway may be someone else's once other specs have added some.
    const pat = await patHasGoals();
    const goals = can(role, "goals:own") ? `${ORG}/goals` : `${ORG}/coachees/${pat}/goals`;
    // The goals stream in after the page's heading: wait for the link itself (it sits in a folded goal).
    await page.goto(goals);
    const link = page.locator(`a[href*='/goals/${kind}/']`).first();
    await link.waitFor({ state: "attached" });
    const href = new URL((await link.getAttribute("href")) ?? "", "http://link.invalid").pathname;
    expect(href, `a link to /goals/${kind}/ on ${goals}`).toMatch(new RegExp(`^/[^/]+/goals/${kind}/[^/?]+$`));
    return href;
  };
}
/** The page of Pat's recurring action; of one of her actions (its comments and its Move form). */
const seriesPage = onPatsGoals("series");
const actionPage = onPatsGoals("actions");

const SWEEP_NOTE = "A note for the page sweeps";

/**
 * Notes on Pat (the seed has none): Carla's private note, and Pat's own, one private and one shared
 * with a comment of Carla's, with line breaks, so the sweeps see lists, the editor and a thread.
 * Written once, straight to the database (setup only). Returns Pat's membership id.
 */
async function patHasNotes(): Promise<string> {
  return sweepSetup(async (db) => {
    const people = await db.query<{ org: string; id: string; email: string }>(
      `SELECT m."organizationId" AS org, m."id", u."email" FROM "Membership" m
         JOIN "User" u ON u."id" = m."userId" JOIN "Organization" o ON o."id" = m."organizationId"
        WHERE u."email" IN ('pat@acme.test', 'coach1@acme.test') AND o."slug" = $1`,
      [DEMO_ORG.slug],
    );
    const pat = people.rows.find((r) => r.email === "pat@acme.test")!;
    const coach = people.rows.find((r) => r.email === "coach1@acme.test")!;
    if ((await db.query(`SELECT 1 FROM "Note" WHERE "organizationId" = $1 AND "title" = $2`, [pat.org, SWEEP_NOTE])).rowCount)
      return pat.id;
    const note = `INSERT INTO "Note" ("organizationId", "id", "coacheeMembershipId", "authorMembershipId", "title", "body", "visibility", "updatedAt")
       VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, now()) RETURNING "id"`;
    await db.query(note, [pat.org, pat.id, coach.id, SWEEP_NOTE, "Carla's own words.\nNobody else reads them.", "PRIVATE"]);
    await db.query(note, [pat.org, pat.id, pat.id, `${SWEEP_NOTE} (Pat's, private)`, "Only Pat reads this.", "PRIVATE"]);
    const shared = await db.query<{ id: string }>(note, [
      pat.org,
      pat.id,
      pat.id,
      `${SWEEP_NOTE} (Pat's, shared)`,
      "For my coaches.\nTwo lines.",
      "SHARED",
    ]);
    await db.query(
      `INSERT INTO "NoteComment" ("organizationId", "id", "noteId", "authorMembershipId", "body") VALUES ($1, gen_random_uuid(), $2, $3, 'Thanks, Pat.')`,
      [pat.org, shared.rows[0].id, coach.id],
    );
    return pat.id;
  });
}

const SWEEP_ASSESSMENT = "An assessment for the page sweeps";

/**
 * Pat's assessments with something in them: from a template of Carla's (and one of the organisation's),
 * one to do (a draft) and one submitted, each with a question of every kind. Written once, straight to
 * the database (setup only). Returns Pat's membership id.
 */
async function patHasAssessments(): Promise<string> {
  return sweepSetup(async (db) => {
    const people = await db.query<{ org: string; id: string; email: string }>(
      `SELECT m."organizationId" AS org, m."id", u."email" FROM "Membership" m
         JOIN "User" u ON u."id" = m."userId" JOIN "Organization" o ON o."id" = m."organizationId"
        WHERE u."email" IN ('pat@acme.test', 'coach1@acme.test', 'admin@acme.test') AND o."slug" = $1`,
      [DEMO_ORG.slug],
    );
    const of = (email: string) => people.rows.find((r) => r.email === email)!;
    const [pat, carla, adam] = [of("pat@acme.test"), of("coach1@acme.test"), of("admin@acme.test")];
    const org = pat.org;
    if (
      (await db.query(`SELECT 1 FROM "AssessmentAssignment" WHERE "organizationId" = $1 AND "title" = $2`, [org, SWEEP_ASSESSMENT]))
        .rowCount
    )
      return pat.id;
    const ids = Array.from({ length: 5 }, () => crypto.randomUUID());
    const questions = JSON.stringify([
      {
        id: ids[0],
        kind: "scale",
        prompt: "How confident do you feel?",
        required: true,
        scaleMax: 5,
        lowLabel: "Not at all",
        highLabel: "Very",
      },
      { id: ids[1], kind: "single", prompt: "Best time to meet?", required: false, options: ["Morning", "Afternoon"] },
      { id: ids[2], kind: "multiple", prompt: "Which areas?", required: true, options: ["Focus", "Feedback", "Delegation"] },
      { id: ids[3], kind: "short", prompt: "One word for this month", required: false },
      { id: ids[4], kind: "long", prompt: "What went well?", required: true },
    ]);
    const template = `INSERT INTO "AssessmentTemplate" ("organizationId", "id", "coachMembershipId", "createdByMembershipId", "title", "questions", "updatedAt")
       VALUES ($1, gen_random_uuid(), $2, $3, $4, $5::jsonb, now()) RETURNING "id"`;
    const mine = await db.query<{ id: string }>(template, [org, carla.id, carla.id, "A template of the page sweeps", questions]);
    await db.query(template, [org, null, adam.id, "An organisation template of the page sweeps", questions]);
    const assign = `INSERT INTO "AssessmentAssignment" ("organizationId", "id", "coacheeMembershipId", "assignedByMembershipId", "templateId", "title",
                                       "questions", "dueDate", "answers", "answersSavedAt", "submittedAt", "updatedAt")
       VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6::jsonb, current_date + $7::int, $8::jsonb, now(), $9, now())`;
    const answers = JSON.stringify({ [ids[0]]: 4, [ids[2]]: ["Focus"], [ids[4]]: "The sweeps went well." });
    await db.query(assign, [org, pat.id, carla.id, mine.rows[0].id, SWEEP_ASSESSMENT, questions, 3, answers, null]);
    await db.query(assign, [
      org,
      pat.id,
      carla.id,
      mine.rows[0].id,
      "A submitted assessment of the page sweeps",
      questions,
      -1,
      answers,
      new Date(),
    ]);
    return pat.id;
  });
}

/** An import check page: a one-row file uploaded and checked (nothing is saved until confirmed). */
const importCheck: Finder = async (page, role) => {
  await page.goto(`${ORG}/users/import`);
  const email = `check-${role.toLowerCase()}@pages.test`;
  const file = ["username,first_name,last_name,email,programme,startdate,primary_coach,timezone", `${email},Chris,Check,${email},,,,`].join(
    "\n",
  );
  await page.getByLabel("CSV file").setInputFiles({ name: "check.csv", mimeType: "text/csv", buffer: Buffer.from(file, "utf8") });
  await page.getByRole("button", { name: "Check the file" }).click();
  await page.waitForURL(/\/imports\/[^/]+$/, { timeout: 15_000 });
  return new URL(page.url()).pathname;
};

// A coach's coachee (the seed's coach1 coaches Pat) and a group of their own, made through the app.
const coacheeEdit: Finder = async (page) =>
  `${await firstLink(page, `${ORG}/coachees`, /^\/[^/]+\/coachees\/(?!new$|groups$)[^/?]+$/)}/edit`;
const coacheeGroup: Finder = async (page) => {
  await page.goto(`${ORG}/coachees/groups/new`);
  await page.getByLabel("Group name").fill(`Pages ${unique()}${Math.random().toString(36).slice(2, 6)}`);
  await page.getByRole("button", { name: "Create group" }).click();
  await page.getByRole("status").waitFor();
  return firstLink(page, `${ORG}/coachees/groups`, /^\/[^/]+\/coachees\/groups\/(?!new$)[^/?]+$/);
};

const ORG_PAGES: PageEntry[] = [
  { name: "dashboard", permission: "dashboard:view", path: ORG },
  { name: "coachees", permission: "coachees:manage", path: `${ORG}/coachees` },
  { name: "new coachee", permission: "coachees:manage", path: `${ORG}/coachees/new` },
  { name: "edit a coachee", permission: "coachees:manage", path: coacheeEdit },
  { name: "coachee groups", permission: "coachees:manage", path: `${ORG}/coachees/groups` },
  { name: "new coachee group", permission: "coachees:manage", path: `${ORG}/coachees/groups/new` },
  { name: "a coachee group", permission: "coachees:manage", path: coacheeGroup },
  { name: "users", permission: "users:view", path: `${ORG}/users` },
  {
    name: "a user",
    permission: "users:view",
    path: (page) => firstLink(page, `${ORG}/users`, /^\/[^/]+\/users\/(?!import$|export)[^/?]+$/),
  },
  { name: "invitations", permission: "invitations:send", path: `${ORG}/invitations` },
  { name: "invite form", permission: "invitations:send", path: `${ORG}/invitations/new` },
  { name: "users upload", permission: "imports:run", path: `${ORG}/users/import` },
  { name: "import check", permission: "imports:run", path: importCheck },
  { name: "programmes", permission: "programmes:view", path: `${ORG}/programmes` },
  { name: "a programme", permission: "programmes:view", path: programme },
  { name: "a cohort", permission: "programmes:view", path: cohort },
  { name: "cohort upload", permission: "imports:run", path: async (page, role) => `${await cohort(page, role)}/import` },
  { name: "a pathway", permission: "pathways:view", path: pathway },
  { name: "new pathway", permission: "pathways:manage", path: `${ORG}/pathways/new` },
  { name: "a coachee's activity", permission: "coachees:manage", path: coachee },
  { name: "a coachee's sessions", permission: "coachees:manage", path: async (page, role) => `${await coachee(page, role)}/sessions` },
  {
    name: "a coachee's goals",
    permission: "coachees:manage",
    path: async (page, role) => (await patHasGoals(), `${await coachee(page, role)}/goals`),
  },
  {
    name: "a coachee's actions",
    permission: "coachees:manage",
    path: async (page, role) => (await patHasGoals(), `${await coachee(page, role)}/actions`),
  },
  {
    name: "a coachee's notes",
    permission: "coachees:manage",
    path: async () => `${ORG}/coachees/${await patHasNotes()}/notes`,
  },
  {
    name: "a note on a coachee",
    permission: "coachees:manage",
    // Pat's own profile (where the sweeps' notes are): a coach's first pathway may be someone else's by now.
    path: async (page) =>
      firstLink(page, `${ORG}/coachees/${await patHasNotes()}/notes`, /^\/[^/]+\/coachees\/[^/]+\/notes\/[0-9a-f-]{36}$/),
  },
  {
    name: "a coachee's files",
    permission: "coachees:manage",
    path: async () => `${ORG}/coachees/${await patHasFiles()}/files`,
  },
  { name: "add an appointment", permission: "coachees:manage", path: async (page, role) => `${await coachee(page, role)}/sessions/new` },
  { name: "start a session now", permission: "coachees:manage", path: async (page, role) => `${await coachee(page, role)}/sessions/now` },
  { name: "reports", permission: "programmes:view", path: `${ORG}/reports` },
  { name: "units", permission: "units:manage", path: `${ORG}/units` },
  { name: "settings", permission: "settings:manage", path: `${ORG}/settings` },
  { name: "audit log", permission: "audit:view", path: `${ORG}/audit` },
  { name: "goals", permission: "goals:own", path: async () => (await patHasGoals(), `${ORG}/goals`) },
  { name: "actions", permission: "goals:own", path: async () => (await patHasGoals(), `${ORG}/actions`) },
  { name: "notes", permission: "goals:own", path: async () => (await patHasNotes(), `${ORG}/notes`) },
  {
    name: "a note",
    permission: "goals:own",
    path: async (page) => (await patHasNotes(), firstLink(page, `${ORG}/notes`, /^\/[^/]+\/notes\/[0-9a-f-]{36}$/)),
  },
  { name: "files", permission: "goals:own", path: async () => (await patHasFiles(), `${ORG}/files`) },
  { name: "a recurring action", permission: ["coachees:manage", "goals:own"], path: seriesPage },
  { name: "an action", permission: ["coachees:manage", "goals:own"], path: actionPage },
  {
    name: "assessments",
    permission: ["goals:own", "coachees:manage"],
    path: async () => (await patHasAssessments(), `${ORG}/assessments`),
  },
  {
    name: "an assessment",
    permission: "goals:own",
    path: async (page) => (await patHasAssessments(), firstLink(page, `${ORG}/assessments`, /^\/[^/]+\/assessments\/[0-9a-f-]{36}$/)),
  },
  {
    name: "a coachee's assessments",
    permission: "coachees:manage",
    path: async () => `${ORG}/coachees/${await patHasAssessments()}/assessments`,
  },
  { name: "add an assessment", permission: "coachees:manage", path: async (page, role) => `${await coachee(page, role)}/assessments/new` },
  {
    name: "assign questions",
    permission: "coachees:manage",
    path: async (page, role) => `${await coachee(page, role)}/assessments/questions`,
  },
  {
    name: "assign an assessment",
    permission: "coachees:manage",
    path: async () => (await patHasAssessments(), `${ORG}/assessments/assign`),
  },
  {
    name: "assessment templates",
    permission: "assessments:build",
    path: async () => (await patHasAssessments(), `${ORG}/assessments/templates`),
  },
  { name: "new assessment template", permission: "assessments:build", path: `${ORG}/assessments/templates/new` },
  {
    name: "an assessment template",
    permission: "assessments:build",
    path: async (page) => (
      await patHasAssessments(),
      firstLink(page, `${ORG}/assessments/templates`, /^\/[^/]+\/assessments\/templates\/[0-9a-f-]{36}$/)
    ),
  },
  { name: "sessions", permission: ["portal:use", "coachees:manage"], path: `${ORG}/sessions` },
  // Whoever reaches a pathway opens its sessions from it (the seed's pathway has three).
  {
    name: "a session",
    permission: "pathways:view",
    path: async (page, role) => firstLink(page, await pathway(page, role), /^\/[^/]+\/sessions\/[0-9a-f-]{36}$/),
  },
  // The coach of a pathway's session works in it on its notepad (the seed's pathway is coach1's).
  {
    name: "a session's notepad",
    permission: "coachees:manage",
    path: async (page, role) => `${await firstLink(page, await pathway(page, role), /^\/[^/]+\/sessions\/[0-9a-f-]{36}$/)}/notepad`,
  },
  // The month: the larger of the two views (the week is the same grid with fewer days).
  { name: "calendar", permission: "calendar:view", path: `${ORG}/calendar?view=month` },
  { name: "availability", permission: "coachees:manage", path: `${ORG}/availability` },
  { name: "book a session", permission: "portal:use", path: `${ORG}/book` },
  { name: "messages", permission: ["portal:use", "coachees:manage"], path: `${ORG}/messages` },
  { name: "a message thread", permission: ["portal:use", "coachees:manage"], path: thread },
  { name: "coaching requests", permission: "portal:use", path: `${ORG}/coaching-requests` },
  { name: "profile", permission: "dashboard:view", path: `${ORG}/profile` },
  { name: "notifications", permission: "notifications:use", path: `${ORG}/notifications` },
  { name: "notification preferences", permission: "notifications:use", path: `${ORG}/notifications/preferences` },
  { name: "not found in the organisation", permission: "dashboard:view", path: `${ORG}/no-such-page` },
  { name: "new organisation", permission: "dashboard:view", path: "/new-organisation" },
];

/** The app route (its folder under app/) of each listed page whose path is found by following links. */
const FOUND_ROUTES: Record<string, string> = {
  "edit a coachee": "/[org]/coachees/[id]/edit",
  "a coachee group": "/[org]/coachees/groups/[groupId]",
  "a user": "/[org]/users/[id]",
  "import check": "/[org]/imports/[id]",
  "a programme": "/[org]/programmes/[id]",
  "a cohort": "/[org]/cohorts/[id]",
  "cohort upload": "/[org]/cohorts/[id]/import",
  "a pathway": "/[org]/pathways/[id]",
  "a coachee's activity": "/[org]/coachees/[id]",
  "a coachee's sessions": "/[org]/coachees/[id]/sessions",
  "a coachee's goals": "/[org]/coachees/[id]/goals",
  "a coachee's actions": "/[org]/coachees/[id]/actions",
  "a coachee's notes": "/[org]/coachees/[id]/notes",
  "a note on a coachee": "/[org]/coachees/[id]/notes/[noteId]",
  "a coachee's files": "/[org]/coachees/[id]/files",
  "a coachee's assessments": "/[org]/coachees/[id]/assessments",
  "add an appointment": "/[org]/coachees/[id]/sessions/new",
  "start a session now": "/[org]/coachees/[id]/sessions/now",
  goals: "/[org]/goals",
  actions: "/[org]/actions",
  notes: "/[org]/notes",
  "a note": "/[org]/notes/[id]",
  files: "/[org]/files",
  "a recurring action": "/[org]/goals/series/[id]",
  "an action": "/[org]/goals/actions/[id]",
  assessments: "/[org]/assessments",
  "an assessment": "/[org]/assessments/[id]",
  "add an assessment": "/[org]/coachees/[id]/assessments/new",
  "assign questions": "/[org]/coachees/[id]/assessments/questions",
  "assign an assessment": "/[org]/assessments/assign",
  "assessment templates": "/[org]/assessments/templates",
  "an assessment template": "/[org]/assessments/templates/[templateId]",
  "a message thread": "/[org]/messages/[id]",
  "a session": "/[org]/sessions/[id]",
  "a session's notepad": "/[org]/sessions/[id]/notepad",
};

/** Pages of the app the sweeps do not open, and why. */
export const UNSWEPT_ROUTES: Record<string, string> = {
  "/": "only redirects to the person's organisation or to sign-in",
  "/dev/mailbox": "development only: answers 404 in the production build the sweeps run against",
};

/** Every app route the sweeps open, as its folder under app/ ("/[org]/coachees/[id]"). */
export function sweptRoutes(): Set<string> {
  const routes = new Set<string>();
  for (const entry of ORG_PAGES) {
    if (typeof entry.path === "string") {
      const path = entry.path.split("?")[0];
      routes.add(path === `${ORG}/no-such-page` ? "/[org]/[...missing]" : path.replace(new RegExp(`^${ORG}(?=/|$)`), "/[org]"));
    } else {
      const route = FOUND_ROUTES[entry.name];
      if (!route) throw new Error(`every-page: no route for "${entry.name}" in FOUND_ROUTES`);
      routes.add(route);
    }
  }
  for (const listed of PUBLIC_PAGES) routes.add(PUBLIC_ROUTES[listed.name] ?? listed.path);
  return routes;
}

const PUBLIC_ROUTES: Record<string, string> = {
  "reset password": "/reset-password/[token]",
  "invitation, stale link": "/invite/[token]",
  "sign-up confirmation, stale link": "/sign-up/verify/[token]",
  "not found": "/[org]/[...missing]",
};

/** Pages anyone may open without signing in; the token pages as a stale link shows them. */
export const PUBLIC_PAGES: ListedPage[] = [
  { name: "sign in", path: "/sign-in" },
  { name: "sign up", path: "/sign-up" },
  { name: "forgot password", path: "/forgot-password" },
  { name: "reset password", path: "/reset-password/stale-link" },
  { name: "invitation, stale link", path: "/invite/stale-link" },
  { name: "sign-up confirmation, stale link", path: "/sign-up/verify/stale-link" },
  { name: "not found", path: "/no-such-page" },
];

/**
 * The pages an owner sees otherwise than an admin (their welcome, the plan in Settings, the owner role
 * among those they may grant); every other page of theirs is the admin's page, swept once, as the admin.
 */
const OWNER_DIFFERS = new Set(["dashboard", "users", "a user", "invite form", "settings"]);

/** Every page `role` may open, with ids resolved by following links as that role (on `page`). */
export async function pagesFor(page: Page, role: Role): Promise<ListedPage[]> {
  const pages: ListedPage[] = [];
  const mayOpen = (e: PageEntry) => [e.permission].flat().some((p) => can(role, p));
  for (const entry of ORG_PAGES.filter((e) => mayOpen(e) && (role !== "OWNER" || OWNER_DIFFERS.has(e.name)))) {
    pages.push({ name: entry.name, path: typeof entry.path === "string" ? entry.path : await entry.path(page, role) });
  }
  return pages;
}

/** A page signed in as `email`, in a context of its own: one sign-in per role and spec. */
export async function signedInPage(
  browser: Browser,
  email: string,
  viewport: { width: number; height: number },
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await AppPage.signIn(page, email);
  return { page, context };
}

/** Opens a listed page and waits until it has shown its heading. */
export async function openListed(page: Page, listed: ListedPage): Promise<void> {
  await page.goto(listed.path);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
}
