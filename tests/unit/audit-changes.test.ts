import { describe, expect, it } from "vitest";
import { readerFor } from "../../lib/i18n/translator";
import { describeChanges } from "../../lib/audit/changes";

// The sentences as an English reader reads them.
const en = await readerFor("en");

describe("an audit event's changes, as people read them", () => {
  it("labels each changed field and shows its values as text, leaving out what did not change", () => {
    const changes = describeChanges(
      en,
      { role: "COACH", firstName: "Ada", timezone: "UTC", programmeIds: [], expiresAt: null },
      {
        role: "IMPLEMENTATION_ADMIN",
        firstName: "Adele",
        timezone: "UTC",
        programmeIds: ["p1", "p2"],
        expiresAt: "2026-04-01T09:30:00.000Z",
      },
    );
    expect(changes).toEqual([
      { field: "role", label: "Role", before: "Coach", after: "Implementation admin" },
      { field: "firstName", label: "First name", before: "Ada", after: "Adele" },
      { field: "programmeIds", label: "Programmes", before: "none", after: "p1, p2" },
      { field: "expiresAt", label: "Access ends", before: "none", after: "Wed 1 Apr 2026, 09:30 UTC" },
    ]);
  });

  it("handles a record with only an after (created) or only a before (archived), and anything that is not an object", () => {
    expect(describeChanges(en, null, { status: "ACTIVE", sessionsIncluded: 6 })).toEqual([
      { field: "status", label: "Status", after: "Active" },
      { field: "sessionsIncluded", label: "Sessions included", after: "6" },
    ]);
    expect(describeChanges(en, { name: "Sales" }, undefined)).toEqual([{ field: "name", label: "Name", before: "Sales" }]);
    expect(describeChanges(en, "junk", [1, 2])).toEqual([]);
  });

  it("shows a recorded moment in the viewer's zone with the zone's name, and a stored day as the same day everywhere", () => {
    const moment = { expiresAt: "2026-04-01T09:30:00.000Z" };
    expect(describeChanges(en, null, moment, "Asia/Kathmandu")).toEqual([
      { field: "expiresAt", label: "Access ends", after: "Wed 1 Apr 2026, 15:15 GMT+5:45" },
    ]);
    // Either side of the spring change in Berlin: the name says which.
    expect(
      describeChanges(en, { expiresAt: "2026-03-29T00:30:00.000Z" }, { expiresAt: "2026-03-29T01:30:00.000Z" }, "Europe/Berlin"),
    ).toEqual([{ field: "expiresAt", label: "Access ends", before: "Sun 29 Mar 2026, 01:30 CET", after: "Sun 29 Mar 2026, 03:30 CEST" }]);
    // A cohort's dates are DATEs: New York, five hours behind UTC, still reads the day as stored.
    expect(describeChanges(en, { startDate: null }, { startDate: "2026-01-31T00:00:00.000Z" }, "America/New_York")).toEqual([
      { field: "startDate", label: "Start date", before: "none", after: "Sat 31 Jan 2026" },
    ]);
  });
});
