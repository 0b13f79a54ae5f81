import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sourcesUnder } from "../support/sources";

// A right-to-left language mirrors every page: spacing, borders, alignment and positions are written
// by start and end (ms-, pe-, border-s, text-start, start-0), never by left and right. A class that
// names a side fails here; symmetric ones (mx-, px-, border-x) are fine.
const PHYSICAL =
  /(?<![\w-])(?:[a-z-]+:)*-?(?:m[lr]|p[lr]|scroll-m[lr]|scroll-p[lr]|left|right|border-[lr]|rounded-(?:[lr]|[tb][lr])|space-x|divide-x)(?:-[\w.[\]/]+)?(?![\w-])|(?<![\w-])(?:[a-z-]+:)*(?:text-(?:left|right)|float-(?:left|right)|clear-(?:left|right))(?![\w-])/g;

describe("directions", () => {
  it("pages and components place things by start and end, so a right-to-left page mirrors", () => {
    const found = sourcesUnder(["app", "components"], /\.tsx$/).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/className=(?:"[^"]*"|\{`[^`]*`\}|\{[^}]*\})/g)].flatMap((attr) =>
        [...attr[0].matchAll(PHYSICAL)].map((m) => `${file}: ${m[0]}`),
      ),
    );
    expect(found).toEqual([]);
    // The check sees a side where one is named, and lets the logical and symmetric ones be (its positive control).
    const sample = 'className="ml-2 md:pr-4 -right-0.5 text-left border-r rounded-tl-md ms-2 pe-4 px-3 mx-auto border-x text-start end-0"';
    expect(sample.match(PHYSICAL)).toEqual(["ml-2", "md:pr-4", "-right-0.5", "text-left", "border-r", "rounded-tl-md"]);
  });
});
