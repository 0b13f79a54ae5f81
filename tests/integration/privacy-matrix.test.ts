import { describe, expect, it } from "vitest";
import { modelsWithField } from "../../lib/db/tenant";
import { Role } from "../../lib/db/generated/enums";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";
import { createPrivacyWorld, endFormerCoaching, startFormerCoaching, VIEWERS } from "../support/privacy";
import { PRIVACY_KINDS } from "./privacy/kinds";

const db = testDb();

// SECURITY.md 4 and 24: every viewer against every item kind and visibility. A viewer who must not see
// an item and does is a leak; a reader who cannot see it fails the positive control, so a "cannot" is
// never passed by an item nobody can see.
describe("the privacy matrix", () => {
  it.each(PRIVACY_KINDS.map((k) => [k.kind, k] as const))("%s: exactly the readers see each item", async (_, kind) => {
    const w = await createPrivacyWorld(db);
    await startFormerCoaching(db, w);
    const items = await kind.items(db, w);
    // While they coach, the former coach sees what any coach of the coachee sees (the control for their
    // row below, where they must see nothing).
    const coaches = items.filter((item) => item.readers.includes("secondCoach"));
    for (const item of coaches) expect(await item.sees(w.formerCoach), `the former coach, still coaching, sees ${item.label}`).toBe(true);
    await endFormerCoaching(db, w);
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

  it("has a viewer of every role, and a kind for every table of written or shared material", async () => {
    const w = await createPrivacyWorld(db);
    const roles = new Set(VIEWERS.map((v) => w.viewers[v].role));
    expect(Object.values(Role).filter((r) => !roles.has(r))).toEqual([]);
    // Every table whose rows have an author, an uploader or a visibility is some kind's: a new one fails here.
    const material = modelsWithField("authorMembershipId", "uploaderMembershipId", "visibility");
    expect(material).toEqual(expect.arrayContaining(["Note", "CoacheeFile", "Message"]));
    const covered = new Set(PRIVACY_KINDS.flatMap((k) => k.models));
    expect(material.filter((m) => !covered.has(m))).toEqual([]);
  });
});
