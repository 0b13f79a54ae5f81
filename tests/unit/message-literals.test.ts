import { describe, expect, it } from "vitest";
import { recordFigures } from "../support/figures";
import { literalsIn, literalsOfFile } from "../support/literals";
import { sourcesUnder } from "../support/sources";

// Words people read live in messages/<locale>.json: no page or component may hold one of its own, but
// app/global-error.tsx. It replaces the root layout when that fails, and the root layout is what chooses
// the language and provides the messages: nothing is there to read them from (and a client import of
// every locale's file would ship all of them to every browser for five sentences).
const UNTRANSLATED = ["app/global-error.tsx"];

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

  // Parses every page and component (a few seconds, more on a busy machine).
  it("no page or component holds one, but the one named above", { timeout: 60_000 }, () => {
    const files = sourcesUnder(["app", "components"], /\.tsx$/);
    const all = files.flatMap(literalsOfFile);
    recordFigures("i18n", { literalStringsLeft: all.length, translatedFiles: files.length - UNTRANSLATED.length });
    expect(all.filter((l) => !UNTRANSLATED.includes(l.file))).toEqual([]);
    for (const file of UNTRANSLATED) expect(files).toContain(file);
  });
});
