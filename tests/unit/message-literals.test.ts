import { describe, expect, it } from "vitest";
import { recordFigures } from "../support/figures";
import { literalsIn, literalsOfFile } from "../support/literals";
import { sourcesUnder } from "../support/sources";

// Words people read live in messages/<locale>.json. The files below speak every language already and
// must hold no literal; the rest of the tree may hold no more literals than it did (the ceiling only
// goes down, as issue 24 moves each page's words into the message files).
const TRANSLATED = [
  "app/[org]/actions/page.tsx",
  "app/[org]/goals/actions/[id]/page.tsx",
  "app/[org]/goals/page.tsx",
  "app/[org]/goals/series/[id]/page.tsx",
  "app/layout.tsx",
  "app/sign-in/page.tsx",
  "components/auth/sign-in-form.tsx",
  "components/goals/action-items-view.tsx",
  "components/goals/comment-forms.tsx",
  "components/goals/comment-thread.tsx",
  "components/goals/goal-entry.tsx",
  "components/goals/goal-forms.tsx",
  "components/goals/goal-tree.tsx",
  "components/goals/progress-bar.tsx",
  "components/goals/progress-slider.tsx",
  "components/goals/series-fields.tsx",
  "components/shell/app-shell.tsx",
  "components/shell/menu.tsx",
  "components/shell/notification-bell.tsx",
  "components/shell/organization-switcher.tsx",
  "components/shell/sign-out-button.tsx",
  "components/shell/skip-link.tsx",
  "components/ui/language-field.tsx",
];
const LITERAL_CEILING = 598;

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
