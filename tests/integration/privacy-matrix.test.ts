import { describe, expect, it } from "vitest";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";
import { createPrivacyWorld, VIEWERS } from "../support/privacy";
import { PRIVACY_KINDS } from "./privacy/kinds";

const db = testDb();

// SECURITY.md 4 and 24: every viewer against every item kind and visibility. A viewer who must not see
// an item and does is a leak; a reader who cannot see it fails the positive control, so a "cannot" is
// never passed by an item nobody can see.
describe("the privacy matrix", () => {
  it.each(PRIVACY_KINDS.map((k) => [k.kind, k] as const))("%s: exactly the readers see each item", async (_, kind) => {
    const w = await createPrivacyWorld(db);
    const items = await kind.items(db, w);
    expect(items.length).toBeGreaterThan(0);
    const leaks: string[] = [];
    const missing: string[] = [];
    let cells = 0;
    for (const item of items) {
      expect(item.readers.length, `${item.label} has a reader (the positive control)`).toBeGreaterThan(0);
      for (const viewer of VIEWERS) {
        cells++;
        const may = item.readers.includes(viewer);
        const sees = await item.sees(w.viewers[viewer]);
        if (sees && !may) leaks.push(`${viewer} sees ${item.label}`);
        if (!sees && may) missing.push(`${viewer} does not see ${item.label}`);
      }
    }
    recordFigures(`privacy-matrix ${kind.kind}`, { privacyCells: cells, privacyLeaks: leaks.length });
    expect(leaks).toEqual([]);
    expect(missing).toEqual([]);
  });
});
