import { expect, type Page } from "@playwright/test";

/**
 * A goal's entry on a goals page, opened: only one goal is open at a time (the others are links that
 * open them), and the open one is a <details> that may have been folded.
 */
export async function openGoal(page: Page, title: string) {
  const goal = goalEntries(page, title).first();
  await expect(goal).toBeVisible();
  const details = goal.locator("details").first();
  if ((await goal.locator("details").count()) === 0) {
    await goal.getByRole("link", { name: title, exact: true }).click();
    await expect(details).toHaveAttribute("open", "");
  } else if ((await details.getAttribute("open")) === null) await goal.locator("summary").first().click();
  return goal;
}

/** The goal entries titled exactly `title`, open or not. */
export function goalEntries(page: Page, title: string) {
  return page.locator("li[id^='goal-']").filter({ has: page.getByText(title, { exact: true }) });
}
