import { expect, test } from "@playwright/test";
import type { Actor } from "../../lib/authz/actor";
import { createDb, type Db } from "../../lib/db/client";
import { createActionItem, createActionItemSchema, setActionItemProgress } from "../../lib/goals/action-items";
import { createGoal, createGoalSchema, createMilestone } from "../../lib/goals/goals";
import { unreadCount } from "../../lib/notifications/centre";
import { DEMO_ORG } from "../../prisma/seed";
import { E2E_EMAIL_WINDOW_MS, e2eDatabaseUrl } from "../support/e2e-database";
import { AppPage } from "./pages/app-page";
import { APP_URL, mailsTo, notificationMail } from "./pages/inbox";
import { unique } from "../factories/unique";

// The notification centre in detail. Pat's side of the story (a goal her coach set, a slider moved to 100)
// is played through the same services the goals pages call, as Pat, on the app's own database (goals.spec.ts
// plays it through the pages); everything Carla sees and receives comes from the app under test: the bell,
// the centre, the email over SMTP, the preferences page.

const stamp = unique();
const ORG = `/${DEMO_ORG.slug}`;

let db: Db;
test.beforeAll(() => {
  const url = e2eDatabaseUrl();
  // Services read links and the database from the environment, like the app under test.
  process.env.DATABASE_URL = url;
  process.env.APP_URL = APP_URL;
  process.env.NEXTAUTH_SECRET ??= "e2e-secret-not-for-production-0123456789abcdef";
  process.env.NOTIFICATION_EMAIL_WINDOW_MS = E2E_EMAIL_WINDOW_MS;
  db = createDb(url);
});
test.afterAll(async () => {
  await db.$disconnect();
});

async function actorFor(email: string): Promise<Actor> {
  const m = await db.membership.findFirstOrThrow({
    where: { organization: { slug: DEMO_ORG.slug }, user: { email } },
    select: { id: true, role: true, organizationId: true, userId: true },
  });
  return { userId: m.userId, membershipId: m.id, organizationId: m.organizationId, role: m.role };
}

/** Carla sets Pat a goal with one milestone and one action; Pat moves its slider to 100. */
async function patCompletes(carla: Actor, pat: Actor, title: string) {
  const goal = await createGoal(db, carla, createGoalSchema.parse({ coacheeMembershipId: pat.membershipId, title: `Goal ${title}` }));
  const milestone = await createMilestone(db, carla, { goalId: goal.id, title: `Milestone ${title}`, dueDate: null });
  const action = await createActionItem(
    db,
    carla,
    createActionItemSchema.parse({ coacheeMembershipId: pat.membershipId, milestoneId: milestone.id, title: `Action ${title}` }),
  );
  await setActionItemProgress(db, pat, { actionId: action.id, progress: 100 });
  return goal;
}

test("a coach is told when her coachee completes a milestone: the bell, the centre, an email; digest stops the email", async ({ page }) => {
  test.setTimeout(120_000);
  const carla = await actorFor("coach1@acme.test");
  const pat = await actorFor("pat@acme.test");
  const first = `one ${stamp}`;
  const goal = await patCompletes(carla, pat, first);
  const milestoneSentence = `Pat Participant completed the milestone “Milestone ${first}” of the goal “Goal ${first}”`;

  // The email arrives over SMTP once her window closes (3 s under e2e, NOTIFICATION_EMAIL_WINDOW_MS), with
  // the goal's completion in the same email, a link to the thing and one to the preferences.
  const mail = await notificationMail("coach1@acme.test", new RegExp(`Pat Participant completed the milestone “Milestone ${first}”`));
  expect(mail.text).toContain(`Pat Participant completed the goal “Goal ${first}”`);
  expect(mail.text).toContain(`${APP_URL}${ORG}/coachees/${pat.membershipId}/goals?goal=${goal.id}#goal-${goal.id}`);
  expect(mail.text).toContain(`${APP_URL}${ORG}/notifications/preferences`);

  // The bell says how many are unread, on every page.
  await AppPage.signIn(page, "coach1@acme.test");
  const unread = await unreadCount(db, carla);
  expect(unread).toBeGreaterThanOrEqual(3); // the milestone, the goal, the slider
  const bell = page.getByRole("banner").getByRole("link", { name: `Notifications, ${unread} unread` });
  await expect(bell).toBeVisible();
  await expect(bell).toContainText(String(unread));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Coachees" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: `Notifications, ${unread} unread` })).toBeVisible();

  // The centre lists it, newest first and unread; opening it goes to the goal and marks it read.
  await page
    .getByRole("banner")
    .getByRole("link", { name: /^Notifications, / })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const list = page.getByRole("list", { name: "Notifications" });
  const item = list.getByRole("listitem").filter({ hasText: milestoneSentence });
  await expect(item).toContainText("Unread");
  await item.getByRole("button", { name: milestoneSentence }).click();
  await expect(page).toHaveURL(`${ORG}/coachees/${pat.membershipId}/goals?goal=${goal.id}#goal-${goal.id}`);
  await expect(page.getByRole("banner").getByRole("link", { name: `Notifications, ${unread - 1} unread` })).toBeVisible();
  await page.goto(`${ORG}/notifications`);
  await expect(list.getByRole("listitem").filter({ hasText: milestoneSentence })).not.toContainText("Unread");

  // Mark read, then mark all read.
  const goalItem = list.getByRole("listitem").filter({ hasText: `completed the goal “Goal ${first}”` });
  await goalItem.getByRole("button", { name: "Mark read" }).click();
  await expect(goalItem).not.toContainText("Unread");
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Notifications, none unread" })).toBeVisible();

  // Milestones in the digest from now on: the next one sends no email at once (the goal, still
  // immediate, does: both wait for the same window, so once its email has arrived the other would have too).
  await page.getByRole("link", { name: "Notification preferences" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notification preferences" })).toBeVisible();
  await page.getByLabel("A milestone is completed").selectOption({ label: "In my daily digest email" });
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Preferences saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("A milestone is completed")).toHaveValue("DIGEST");

  const second = `two ${stamp}`;
  await patCompletes(carla, pat, second);
  await notificationMail("coach1@acme.test", new RegExp(`Pat Participant completed the goal “Goal ${second}”`));
  expect((await mailsTo("coach1@acme.test")).filter((m) => `${m.subject} ${m.text}`.includes(`Milestone ${second}`))).toEqual([]);
  // In the app all the same.
  await page.goto(`${ORG}/notifications`);
  await expect(list).toContainText(`completed the milestone “Milestone ${second}”`);

  // Back to the default, for the specs that follow on this database.
  await page.getByRole("link", { name: "Notification preferences" }).click();
  await page.getByLabel("A milestone is completed").selectOption({ label: "Email me at once" });
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Preferences saved." })).toBeVisible();
});

test("a coach who gives her coachee several actions at once sends one email that lists them all", async () => {
  const carla = await actorFor("coach1@acme.test");
  const pat = await actorFor("pat@acme.test");
  const titles = [1, 2, 3].map((i) => `Plan ${stamp} step ${i}`);
  await Promise.all(
    titles.map((title) => createActionItem(db, carla, createActionItemSchema.parse({ coacheeMembershipId: pat.membershipId, title }))),
  );
  // In the app at once.
  expect(await unreadCount(db, pat)).toBeGreaterThanOrEqual(3);
  // One email once the window closes, listing the three under one line ("Carla Coach gave you 3 actions"
  // when nothing else was waiting for Pat).
  const mail = await notificationMail("pat@acme.test", new RegExp(titles[0]));
  expect(mail.text).toMatch(/Carla Coach gave you \d+ actions/);
  for (const title of titles) expect(mail.text).toContain(`“${title}”`);
  expect(mail.text).toContain(`${APP_URL}${ORG}/actions#action-`);
  const about = (await mailsTo("pat@acme.test")).filter((m) => titles.some((t) => `${m.subject} ${m.text}`.includes(t)));
  expect(about).toHaveLength(1);
});
