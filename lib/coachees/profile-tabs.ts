// Where each tab of a coachee's profile lives: one page per tab under /<org>/coachees/<id>/, the same
// names as the coachee's own pages (/<org>/goals, /actions, /notes, /files, /assessments).

/** The profile's tabs, in the order they show. */
export const PROFILE_TABS = ["activity", "actions", "goals", "notes", "files", "sessions", "assessments"] as const;
export type ProfileTab = (typeof PROFILE_TABS)[number];

/** The path of one tab (Activity, the first, is the profile's own path). */
export function profileTabPath(org: string, coacheeId: string, tab: ProfileTab): string {
  return `/${org}/coachees/${coacheeId}${tab === "activity" ? "" : `/${tab}`}`;
}

/** The link to one tab, at a page of its list. */
export function profileTabHref(org: string, coacheeId: string, tab: ProfileTab, page?: number): string {
  return `${profileTabPath(org, coacheeId, tab)}${page && page > 1 ? `?page=${page}` : ""}`;
}

/** The tab a URL segment under the profile names (none, or an unknown one: Activity). */
export function tabOf(segment: string | null | undefined): ProfileTab {
  return PROFILE_TABS.find((tab) => tab === segment) ?? "activity";
}
