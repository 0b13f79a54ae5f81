import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { can, type Permission } from "../../../lib/authz/permissions";
import type { Role } from "../../../lib/db/generated/enums";
import { DEMO_ORG, DEMO_USERS } from "../../../prisma/seed";
import { AppPage } from "./app-page";

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
// a coach's first coachee with a session, from their Sessions page (the seed has no messages yet).
const thread: Finder = async (page, role) => {
  if (can(role, "portal:use")) return firstLink(page, `${ORG}/messages`, /^\/[^/]+\/messages\/[^/?]+$/);
  const coachee = await firstLink(page, `${ORG}/sessions`, /^\/[^/]+\/coachees\/[^/?]+\?tab=sessions$/);
  return `${ORG}/messages/${coachee.split("/")[3].split("?")[0]}`;
};
// A coach reaches their coachee's profile from the pathway they coach (the Coachees list links there too).
const coachee: Finder = async (page, role) => firstLink(page, await pathway(page, role), /^\/[^/]+\/coachees\/[0-9a-f-]{36}$/);

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
  await page.getByLabel("Group name").fill(`Pages ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
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
  { name: "a coachee's sessions", permission: "coachees:manage", path: async (page, role) => `${await coachee(page, role)}?tab=sessions` },
  {
    name: "a coachee's goals (coming soon)",
    permission: "coachees:manage",
    path: async (page, role) => `${await coachee(page, role)}?tab=goals`,
  },
  { name: "add an appointment", permission: "coachees:manage", path: async (page, role) => `${await coachee(page, role)}/sessions/new` },
  { name: "start a session now", permission: "coachees:manage", path: async (page, role) => `${await coachee(page, role)}/sessions/now` },
  { name: "reports", permission: "programmes:view", path: `${ORG}/reports` },
  { name: "units", permission: "units:manage", path: `${ORG}/units` },
  { name: "settings", permission: "settings:manage", path: `${ORG}/settings` },
  { name: "audit log", permission: "audit:view", path: `${ORG}/audit` },
  { name: "sessions", permission: ["portal:use", "coachees:manage"], path: `${ORG}/sessions` },
  { name: "messages", permission: ["portal:use", "coachees:manage"], path: `${ORG}/messages` },
  { name: "a message thread", permission: ["portal:use", "coachees:manage"], path: thread },
  { name: "profile", permission: "dashboard:view", path: `${ORG}/profile` },
  { name: "notifications", permission: "notifications:use", path: `${ORG}/notifications` },
  { name: "notification preferences", permission: "notifications:use", path: `${ORG}/notifications/preferences` },
  { name: "not found in the organisation", permission: "dashboard:view", path: `${ORG}/no-such-page` },
  { name: "new organisation", permission: "dashboard:view", path: "/new-organisation" },
];

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

/** Every page `role` may open, with ids resolved by following links as that role (on `page`). */
export async function pagesFor(page: Page, role: Role): Promise<ListedPage[]> {
  const pages: ListedPage[] = [];
  for (const entry of ORG_PAGES.filter((e) => [e.permission].flat().some((p) => can(role, p)))) {
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
