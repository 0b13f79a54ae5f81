import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sourcesUnder } from "../support/sources";

// Components colour by meaning (text-muted, bg-primary: app/globals.css's @theme), never by palette, so a
// brand is one place to change. A palette class in a page or component fails here.
const PALETTE =
  /(?<![\w-])(?:[a-z-]+:)*(?:bg|text|border|divide|ring|outline|fill|stroke|accent|from|to|via|decoration|placeholder|shadow)-(?:white|black|(?:slate|gray|zinc|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose)-\d{2,3})\b/g;

describe("colours", () => {
  it("come from the theme's semantic tokens in every page and component", () => {
    const found = sourcesUnder(["app", "components"], /\.tsx?$/).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(PALETTE)].map((m) => `${file}: ${m[0]}`),
    );
    expect(found).toEqual([]);
    // The check sees a palette class where one is (its positive control).
    expect('<p className="mt-2 text-slate-600 hover:bg-indigo-50">'.match(PALETTE)).toEqual(["text-slate-600", "hover:bg-indigo-50"]);
  });
});
