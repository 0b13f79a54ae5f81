import { describe, expect, it } from "vitest";
import { recordFigures } from "../support/figures";
import { literalsIn, literalsOfFile } from "../support/literals";
import { sourcesUnder } from "../support/sources";

// Words people read live in messages/<locale>.json. The files below speak every language already and
// must hold no literal; the rest of the tree may hold no more literals than it did (the ceiling only
// goes down, as issue 24 moves each page's words into the message files).
const TRANSLATED = [
  "app/[org]/actions/page.tsx",
  "app/[org]/coachees/[id]/(profile)/actions/page.tsx",
  "app/[org]/coachees/[id]/(profile)/assessments/page.tsx",
  "app/[org]/coachees/[id]/(profile)/files/page.tsx",
  "app/[org]/coachees/[id]/(profile)/goals/page.tsx",
  "app/[org]/coachees/[id]/(profile)/layout.tsx",
  "app/[org]/coachees/[id]/(profile)/notes/[noteId]/page.tsx",
  "app/[org]/coachees/[id]/(profile)/notes/page.tsx",
  "app/[org]/coachees/[id]/(profile)/page.tsx",
  "app/[org]/coachees/[id]/(profile)/sessions/page.tsx",
  "app/[org]/coachees/[id]/assessments/new/page.tsx",
  "app/[org]/coachees/[id]/assessments/questions/page.tsx",
  "app/[org]/coachees/[id]/edit/page.tsx",
  "app/[org]/coachees/[id]/sessions/new/page.tsx",
  "app/[org]/coachees/[id]/sessions/now/page.tsx",
  "app/[org]/coachees/groups/[groupId]/page.tsx",
  "app/[org]/coachees/groups/new/page.tsx",
  "app/[org]/coachees/groups/page.tsx",
  "app/[org]/coachees/new/page.tsx",
  "app/[org]/coachees/page.tsx",
  "app/[org]/files/page.tsx",
  "app/[org]/goals/actions/[id]/page.tsx",
  "app/[org]/goals/page.tsx",
  "app/[org]/goals/series/[id]/page.tsx",
  "app/[org]/notes/[id]/page.tsx",
  "app/[org]/notes/notes-view.tsx",
  "app/[org]/notes/page.tsx",
  "app/layout.tsx",
  "app/sign-in/page.tsx",
  "components/activity/activity-feed.tsx",
  "components/auth/sign-in-form.tsx",
  "components/coachees/coach-coachees.tsx",
  "components/coachees/coachee-filter.tsx",
  "components/coachees/coachee-forms.tsx",
  "components/coachees/profile-tabs.tsx",
  "components/coachees/quick-menu.tsx",
  "components/files/files-view.tsx",
  "components/files/upload-form.tsx",
  "components/goals/action-items-view.tsx",
  "components/goals/comment-forms.tsx",
  "components/goals/comment-thread.tsx",
  "components/goals/disclosure.tsx",
  "components/goals/goal-entry.tsx",
  "components/goals/goal-forms.tsx",
  "components/goals/goal-tree.tsx",
  "components/goals/progress-bar.tsx",
  "components/goals/progress-slider.tsx",
  "components/goals/series-fields.tsx",
  "components/notes/new-note-button.tsx",
  "components/notes/note-detail.tsx",
  "components/notes/note-editor.tsx",
  "components/notes/note-list.tsx",
  "components/shell/app-shell.tsx",
  "components/shell/menu.tsx",
  "components/shell/notification-bell.tsx",
  "components/shell/organization-switcher.tsx",
  "components/shell/sign-out-button.tsx",
  "components/shell/skip-link.tsx",
  "components/ui/language-field.tsx",
];
const LITERAL_CEILING = 484;

describe("words people read come from the message files", () => {
  it("finds a literal in JSX text and in the attributes people read, and not in code or keys (positive control)", () => {
    const found = literalsIn(
      "x.tsx",
      `export const X = () => (
        <p title="Read me" className="text-sm" data-id="abc">
          Hello there {t("greeting")} <span aria-label={"Close"}>×</span> {12}
        </p>
      );`,
    );
    expect(found.map((l) => l.text)).toEqual(["Read me", "Hello there", "Close"]);
  });

  it("the translated files hold none", () => {
    for (const file of TRANSLATED) expect(literalsOfFile(file), file).toEqual([]);
  });

  it("the rest holds no more than before", () => {
    const all = sourcesUnder(["app", "components"], /\.tsx$/).flatMap(literalsOfFile);
    recordFigures("i18n", { literalStringsLeft: all.length, translatedFiles: TRANSLATED.length });
    expect(all.length).toBeLessThanOrEqual(LITERAL_CEILING);
  });
});
